# copy.copy and copy.deepcopy, including custom classes and cycles.
import copy
orig = {"list": [1, [2, 3]], "tuple": (1, [4]), "n": 5}
shallow = copy.copy(orig)
deep = copy.deepcopy(orig)
orig["list"][1].append("x")
orig["tuple"][1].append("y")
print(shallow["list"], deep["list"], shallow["tuple"], deep["tuple"])
class Node:
    def __init__(self, v):
        self.v = v
        self.children = []
root = Node(1)
root.children.append(Node(2))
root.children.append(root)
clone = copy.deepcopy(root)
print(clone.v, clone.children[0].v, clone.children[1] is clone, clone is not root)
sc = copy.copy(root)
print(sc.children is root.children)
class Custom:
    def __init__(self, data):
        self.data = data
    def __copy__(self):
        print("__copy__ called")
        return Custom(self.data)
    def __deepcopy__(self, memo):
        print("__deepcopy__ called")
        return Custom(copy.deepcopy(self.data, memo))
c = Custom([1])
c2 = copy.copy(c)
c3 = copy.deepcopy(c)
print(c2.data is c.data, c3.data is c.data, c3.data == c.data)
print(copy.copy(5), copy.deepcopy("s"), copy.copy([1, 2]), copy.deepcopy((1, (2,))))
