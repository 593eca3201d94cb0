# A formatted sales report: grouping, totals, alignment.
SALES = """region,rep,product,units,price
north,ann,widget,10,2.50
south,bob,gadget,3,10.00
north,cat,gadget,7,10.00
east,dan,widget,25,2.40
south,ann,widget,12,2.50
east,eve,gizmo,1,99.99
north,ann,gizmo,2,99.99"""
lines = SALES.splitlines()
header = lines[0].split(",")
rows = [dict(zip(header, l.split(","))) for l in lines[1:]]
for r in rows:
    r["units"] = int(r["units"])
    r["price"] = float(r["price"])
    r["total"] = r["units"] * r["price"]
by_region = {}
for r in rows:
    by_region.setdefault(r["region"], []).append(r)
print(f"{'Region':<8}{'Units':>7}{'Revenue':>12}")
print("-" * 27)
grand = 0.0
for region in sorted(by_region):
    rs = by_region[region]
    units = sum(r["units"] for r in rs)
    revenue = sum(r["total"] for r in rs)
    grand += revenue
    print(f"{region:<8}{units:>7}{revenue:>12,.2f}")
print("-" * 27)
print(f"{'TOTAL':<8}{sum(r['units'] for r in rows):>7}{grand:>12,.2f}")
reps = {}
for r in rows:
    reps[r["rep"]] = reps.get(r["rep"], 0) + r["total"]
best = max(reps.items(), key=lambda kv: kv[1])
print(f"Top rep: {best[0]} with {best[1]:.2f} ({best[1] / grand:.1%} of revenue)")
for product in sorted({r["product"] for r in rows}):
    ps = [r for r in rows if r["product"] == product]
    avg = sum(r["price"] for r in ps) / len(ps)
    print(f"  {product:<7} sold {sum(r['units'] for r in ps):3d} avg price {avg:6.2f}")
