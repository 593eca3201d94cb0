print("importing")
import mod_nonexistent_module_xyz
