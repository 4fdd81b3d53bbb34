print("tebiki")
