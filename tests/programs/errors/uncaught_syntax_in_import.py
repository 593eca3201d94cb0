print("before import")
import mod_bad_syntax
