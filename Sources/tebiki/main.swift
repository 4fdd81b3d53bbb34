// A thin entry point: everything else is in TebikiCLI, which the tests import.
import TebikiCLI

TebikiCommand.main()
