# The __main__ guard and module-level names.
def main():
    print("main() called")
    return 0
print("__name__ is", __name__)
if __name__ == "__main__":
    main()
else:
    print("imported")
import mod_geometry
print(mod_geometry.__name__ == "mod_geometry")
