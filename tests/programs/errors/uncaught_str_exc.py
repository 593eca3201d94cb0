class Loud(Exception):
    def __str__(self):
        return "custom str of Loud"
print("go")
raise Loud("ignored arg")
