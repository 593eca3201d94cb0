#[test]
fn workspace_links() {
    let v = stmpy_stm::TVar::new(1);
    assert_eq!(v.snapshot(), 1);
}
