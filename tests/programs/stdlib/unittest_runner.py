# unittest (CPython's package): assertions, skips, expected failures, subtests, the text runner's report.
import unittest
class T(unittest.TestCase):
    def setUp(self): self.x = [1, 2]
    def test_ok(self): self.assertEqual(self.x, [1, 2]); self.assertIn(1, self.x); self.assertTrue(self.x)
    def test_fail(self): self.assertEqual({"a": 1}, {"a": 2})
    def test_error(self): raise KeyError("boom")
    def test_raises(self):
        with self.assertRaises(ZeroDivisionError): 1 / 0
        with self.assertRaisesRegex(ValueError, "inv"): int("x")
    def test_almost(self): self.assertAlmostEqual(0.1 + 0.2, 0.3)
    @unittest.skip("nope")
    def test_skip(self): pass
    @unittest.expectedFailure
    def test_xfail(self): self.assertEqual(1, 2)
    def test_sub(self):
        for i in range(3):
            with self.subTest(i=i):
                self.assertNotEqual(i, 1)
import io, re
buf = io.StringIO()
suite = unittest.defaultTestLoader.loadTestsFromTestCase(T)
result = unittest.TextTestRunner(stream=buf, verbosity=2).run(suite)
print(re.sub(r"in [0-9.]+s", "in Xs", buf.getvalue()).replace(__file__, "FILE"))
print(result.wasSuccessful(), len(result.failures), len(result.errors), len(result.skipped), result.testsRun)
