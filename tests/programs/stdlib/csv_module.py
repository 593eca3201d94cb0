# csv (CPython's module over a Python port of _csv): reading, writing, dialects, DictReader/DictWriter, Sniffer, errors.
import csv, io
s = io.StringIO(); w = csv.writer(s, lineterminator='\n'); w.writerow(['a\rb', 'c d', '', None, 1.5, 'x"y']); w.writerow(['']); w.writerow([]); print(repr(s.getvalue()))
s = io.StringIO(); w = csv.writer(s, quoting=csv.QUOTE_NONNUMERIC); w.writerow(['a', 1, 2.5, None, True]); print(repr(s.getvalue()))
data = 'name,age,note\r\nann,30,"likes, commas"\r\nbob,25,"say ""hi"""\r\n"multi\nline",1,\r\n'
print(list(csv.reader(io.StringIO(data, newline=''))))
for row in csv.DictReader(io.StringIO(data, newline='')):
    print(row)
out = io.StringIO()
dw = csv.DictWriter(out, fieldnames=["a", "b"]); dw.writeheader(); dw.writerows([{"a": 1, "b": "x,y"}, {"a": 2}]); print(repr(out.getvalue()))
print(list(csv.reader(["a;b;'c;d'"], delimiter=";", quotechar="'")), list(csv.reader(['a, b, c'], skipinitialspace=True)))
print(list(csv.reader(['1,"2",3.5'], quoting=csv.QUOTE_NONNUMERIC)), list(csv.reader(['x\\,y,z'], escapechar='\\')))
try: list(csv.reader(['a,"b'], strict=True))
except csv.Error as e: print("Error", e)
try: csv.writer(io.StringIO(), delimiter="ab")
except TypeError as e: print("TypeError", e)
print(csv.list_dialects(), csv.get_dialect("excel").delimiter, csv.excel_tab.delimiter)
r = csv.reader(["a,b", "c,d"]); next(r); print(r.line_num, next(r), r.line_num)
sn = csv.Sniffer().sniff("a;b;c\n1;2;3\n"); print(sn.delimiter)
try: list(csv.reader(['a,"1" 2']))
except csv.Error as e: print(e)
print(list(csv.reader(['a,"1" 2'])))
