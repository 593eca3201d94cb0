//! The cycle collector against an oracle: random graphs of list objects (small ones,
//! big persistent ones, and copies that share a big one's nodes), some held from
//! outside. After a collection, everything reachable from the held ones is alive with
//! its items unchanged, and everything else is freed.
//!
//! One test only, so the binary runs one thread and the collection is solo.

use proptest::prelude::*;
use stmpy_core::gc;
use stmpy_core::list::ListData;
use stmpy_core::stm::{TVar, Tx, TxMode};
use stmpy_core::value::{ObjRef, Payload, Value};

/// Items past which a list is persistent (`list::SMALL_MAX` is 256).
const BIG: usize = 300;

#[derive(Debug, Clone)]
struct Graph {
    nodes: usize,
    edges: Vec<(usize, usize)>,
    /// Nodes whose list is padded past `BIG` items (persistent storage).
    big: Vec<usize>,
    /// (copy, original): the copy's items start as a clone of the original's data.
    copies: Vec<(usize, usize)>,
    roots: Vec<usize>,
}

fn graph() -> impl Strategy<Value = Graph> {
    (2usize..24).prop_flat_map(|n| {
        (
            Just(n),
            prop::collection::vec((0..n, 0..n), 0..3 * n),
            prop::collection::vec(0..n, 0..3),
            prop::collection::vec((0..n, 0..n), 0..3),
            prop::collection::vec(0..n, 0..4),
        )
            .prop_map(|(nodes, edges, big, copies, roots)| Graph {
                nodes,
                edges,
                big,
                copies,
                roots,
            })
    })
}

fn cell(o: &ObjRef) -> &TVar<ListData> {
    match &o.payload {
        Payload::List(c) => c,
        _ => unreachable!("only lists are built"),
    }
}

/// The object ids a list holds, in order.
fn item_ids(tx: &Tx, o: &ObjRef) -> Vec<usize> {
    tx.view(cell(o), |l| {
        l.iter()
            .filter_map(|v| match v {
                Value::Obj(r) => Some(r.id()),
                _ => None,
            })
            .collect()
    })
    .unwrap()
}

fn check(g: &Graph) {
    let objs: Vec<ObjRef> = (0..g.nodes)
        .map(|_| ObjRef::new(Payload::List(TVar::new(ListData::new()))))
        .collect();
    // Items of each node: its out-edges, then padding if big.
    let mut items: Vec<Vec<Value>> = vec![Vec::new(); g.nodes];
    for &(a, b) in &g.edges {
        items[a].push(Value::Obj(objs[b].clone()));
    }
    for &b in &g.big {
        items[b].extend((0..BIG as i64).map(Value::Int));
    }
    let tx = Tx::begin(TxMode::Inevitable);
    let mut data: Vec<ListData> = items.into_iter().map(ListData::from).collect();
    for &(copy, original) in &g.copies {
        if copy != original {
            let mut shared = data[original].clone();
            // The copy diverges a little (and shares the rest of the original's nodes).
            shared.push_back(Value::Int(7));
            data[copy] = shared;
        }
    }
    for (o, d) in objs.iter().zip(data) {
        tx.write(cell(o), d).unwrap();
    }
    tx.commit().unwrap();
    // The graph as built, for the oracle.
    let tx = Tx::begin(TxMode::Inevitable);
    let before: Vec<Vec<usize>> = objs.iter().map(|o| item_ids(&tx, o)).collect();
    tx.commit().unwrap();
    let index = |id: usize| objs.iter().position(|o| o.id() == id).unwrap();
    let mut reachable = vec![false; g.nodes];
    let mut stack: Vec<usize> = g.roots.clone();
    while let Some(i) = stack.pop() {
        if !std::mem::replace(&mut reachable[i], true) {
            stack.extend(before[i].iter().map(|&id| index(id)));
        }
    }
    let weak: Vec<_> = objs.iter().map(|o| o.downgrade()).collect();
    let held: Vec<ObjRef> = g.roots.iter().map(|&i| objs[i].clone()).collect();
    drop(objs);
    // Values dropped outside a transaction wait for the epoch (as the VM's collector
    // does, free them first: they hold handles too).
    stmpy_core::stm::reclaim_now();

    let tx = Tx::begin(TxMode::Inevitable);
    assert!(tx.is_solo(), "the test needs the engine to itself");
    gc::collect(&tx).unwrap();
    tx.commit().unwrap();
    stmpy_core::stm::reclaim_now();

    let tx = Tx::begin(TxMode::Inevitable);
    for i in 0..g.nodes {
        match weak[i].upgrade() {
            Some(o) => {
                assert!(reachable[i], "node {i} is unreachable but alive");
                assert_eq!(item_ids(&tx, &o), before[i], "node {i} lost items");
            }
            None => assert!(!reachable[i], "node {i} is reachable but freed"),
        }
    }
    tx.commit().unwrap();
    drop(held);
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(300))]
    #[test]
    fn collection_frees_exactly_the_unreachable(g in graph()) {
        check(&g);
    }
}
