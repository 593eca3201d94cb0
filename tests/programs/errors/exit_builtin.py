print("calling exit(4)")
exit(4)
print("never")
