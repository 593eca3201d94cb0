# urllib.parse, ipaddress, stat and errno.
from urllib.parse import urlparse, urlencode, quote, unquote, parse_qs, urljoin
u = urlparse("https://user@example.com:8080/a/b?x=1&y=2#frag")
print(u, u.hostname, u.port, parse_qs(u.query), urlencode({"a": "b c", "d": 1}), quote("a b/c"), unquote("a%20b"), urljoin("http://x/a/b", "../c"))
import ipaddress
print(ipaddress.ip_address("192.168.1.1"), ipaddress.ip_network("10.0.0.0/8").num_addresses, ipaddress.ip_address("::1").version)
import stat, errno
print(stat.S_ISDIR(0o40755), errno.ENOENT, errno.errorcode[2])
