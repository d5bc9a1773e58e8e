"""Builds gold/ from annotations/a and /b: starts from a, applies the decisions in decisions.json.

    python3 adjudicate.py decisions.json b1 b2 b3   (from tests/realdev)
"""
import json, sys, shutil
from pathlib import Path
A=Path('annotations/a'); B=Path('annotations/b'); G=Path('gold'); G.mkdir(exist_ok=True)
# decisions: (file, table, text, occurrence, action, payload)
#   set: change fields of a's row; take_b: replace a's row(s) with b's row at that text; drop: remove a's row; add_b: add b's row;
#   add: add the decision's own `row` (where SPEC, clarified, asks for a row neither annotator wrote)
D=json.load(open(sys.argv[1]))
batches=sys.argv[2:]
for p in sorted(A.glob('*.gold.json')):
    if not any(p.name.startswith(b+'-') for b in batches): continue
    g=json.loads(p.read_text())
    b=json.loads((B/p.name).read_text()) if (B/p.name).exists() else None
    doc=p.name[:-len('.gold.json')]
    for d in D:
        if d['file']!=doc: continue
        t=d['table']
        if t=='documents':
            g.update(d['set']) if 'set' in d else None
            continue
        rows=g[t]
        match=lambda r: r['text']==d['text'] and (d.get('occ') is None or r.get('occurrence',1)==d['occ'])
        if d['action']=='set':
            hit=[r for r in rows if match(r)]
            assert hit, d
            for r in hit: r.update(d['set'])
        elif d['action']=='drop':
            n=len(rows); g[t]=[r for r in rows if not match(r)]; assert len(g[t])<n, d
        elif d['action']=='add':
            g[t].append(d['row'])
            g['not_rows']=[r for r in g.get('not_rows',[]) if r['text']!=d['text']]
        elif d['action'] in ('take_b','add_b'):
            brows=[r for r in b[t] if r['text']==d.get('btext',d['text']) and (d.get('bocc') is None or r.get('occurrence',1)==d['bocc'])]
            assert brows, d
            if d['action']=='take_b':
                g[t]=[r for r in rows if not match(r)]
            g[t].extend(brows)
    (G/p.name).write_text(json.dumps(g,ensure_ascii=False,indent=1)+'\n')
    print('gold',p.name)
