// A thin entry point: everything else is in TebikiCLI, which the tests import.
import TebikiCLI

// The process ends right after the command: its work is left to the operating system to free.
Teardown.skipAtExit()
TebikiCommand.main()
