import sys, time, random, json
sys.path.insert(0, '/work/wt-cat2/training')
import numpy as np
import corpus, featurize as F
from merchants import CATEGORIES

def enc(rows, B, MAXF=128):
    ids = np.zeros((len(rows), MAXF), dtype=np.int64); mask = np.zeros((len(rows), MAXF), dtype=np.float32)
    cache = {}
    for i, r in enumerate(rows):
        fs = F.feature_strings(r[0], r[1])[:MAXF]
        f = [F.fnv1a32(s.encode()) % B for s in fs]
        ids[i,:len(f)] = f; mask[i,:len(f)] = 1
    return ids, mask, np.array([r[2] for r in rows])

def wts(m): return m / m.sum(1, keepdims=True)

def fwd(P, ids, w, hidden):
    h = np.einsum('nl,nld->nd', w, P['E'][ids])
    if hidden:
        z = h @ P['W1'] + P['b1']; a = np.maximum(z, 0)
    else:
        z = None; a = h
    lg = a @ P['W'] + P['b']; lg -= lg.max(1, keepdims=True); p = np.exp(lg); p /= p.sum(1, keepdims=True)
    return h, z, a, p

def train(ids, mask, y, B, D, H, epochs, lr, drop, seed, batch=128, wd=0.0):
    rng = np.random.default_rng(seed); C = len(CATEGORIES)
    P = {'E': (rng.standard_normal((B, D))*0.1).astype(np.float32)}
    if H:
        P['W1'] = (rng.standard_normal((D, H))*np.sqrt(2/D)).astype(np.float32); P['b1'] = np.zeros(H, np.float32)
        P['W'] = (rng.standard_normal((H, C))*0.1).astype(np.float32)
    else:
        P['W'] = (rng.standard_normal((D, C))*0.1).astype(np.float32)
    P['b'] = np.zeros(C, np.float32)
    m = {k: np.zeros_like(v) for k, v in P.items()}; v = {k: np.zeros_like(x) for k, x in P.items()}; step = 0
    for ep in range(epochs):
        order = rng.permutation(len(y))
        for s in range(0, len(order), batch):
            bt = order[s:s+batch]; keep = mask[bt] * (rng.random(mask[bt].shape) >= drop); keep[:, 0] = mask[bt][:, 0]
            w = wts(keep); bids = ids[bt]
            h, z, a, p = fwd(P, bids, w, H)
            d = p.copy(); d[np.arange(len(bt)), y[bt]] -= 1; d /= len(bt)
            G = {'W': a.T @ d, 'b': d.sum(0)}
            da = d @ P['W'].T
            if H:
                dz = da * (z > 0); G['W1'] = h.T @ dz; G['b1'] = dz.sum(0); dh = dz @ P['W1'].T
            else:
                dh = da
            gE = np.zeros_like(P['E']); np.add.at(gE, bids, w[:, :, None] * dh[:, None, :]); G['E'] = gE
            step += 1
            for k in P:
                g = G[k]
                m[k] = 0.9*m[k] + 0.1*g; v[k] = 0.999*v[k] + 0.001*g*g
                P[k] -= (lr * (m[k]/(1-0.9**step)) / (np.sqrt(v[k]/(1-0.999**step)) + 1e-8)).astype(np.float32)
    return P

def acc(P, data, H):
    ids, mask, y = data; p = fwd(P, ids, wts(mask), H)[3]; return float((p.argmax(1) == y).mean())

def split_val(train_rows, seed, share=0.2):
    rng = random.Random(seed + 1); val_m = set()
    by = {}
    for r in train_rows:
        if r[4] == "mcc": continue
        by.setdefault((r[2], r[4]), set()).add(r[3])
    for k in sorted(by):
        ms = sorted(by[k]); rng.shuffle(ms); val_m.update(ms[:max(1, round(len(ms)*share))])
    return [r for r in train_rows if r[3] not in val_m], [r for r in train_rows if r[3] in val_m]

if __name__ == '__main__':
    cfg = dict(B=8192, D=16, H=0, epochs=6, lr=0.01, drop=0.4)
    for a in sys.argv[1:]:
        k, v = a.split('='); cfg[k] = type(cfg[k])(v) if k in cfg else v
    test_mode = cfg.pop('test', None)
    SEED = 20261125
    tr, ho = corpus.build(SEED)
    fit, val = split_val(tr, SEED)
    if test_mode: fit, val = tr, ho
    t = time.time()
    dfit = enc(fit, cfg['B']); dval = enc(val, cfg['B'])
    P = train(*dfit, cfg['B'], cfg['D'], cfg['H'], cfg['epochs'], cfg['lr'], cfg['drop'], SEED)
    res = {'val': round(acc(P, dval, cfg['H']), 4)}
    for kind in ('brand', 'local'):
        rows = [r for r in val if r[4] == kind]; res[kind] = round(acc(P, enc(rows, cfg['B']), cfg['H']), 4)
    print(json.dumps(cfg), 'TEST' if test_mode else 'VAL', json.dumps(res), '%.0fs' % (time.time()-t), flush=True)
