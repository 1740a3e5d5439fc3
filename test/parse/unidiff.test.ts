import { describe, expect, it } from 'vitest'
import { lineMapFrom, parseUnifiedDiff } from '../../src/parse/unidiff.js'

// In the form `git diff -U0 --no-color` prints (real git output is exercised by the gate tests): lines 3
// and 10 rewritten, two lines added after 5, one removed at 20, and a new file.
const DIFF = `diff --git a/pkg/a.go b/pkg/a.go
index 1111111..2222222 100644
--- a/pkg/a.go
+++ b/pkg/a.go
@@ -3 +3 @@ package a
-old three
+new three
@@ -5,0 +6,2 @@ func f() {
+added six
+added seven
@@ -10 +12 @@ func g() {
-old ten
+new twelve
@@ -20 +21,0 @@ func h() {
-removed twenty
diff --git a/pkg/new.go b/pkg/new.go
new file mode 100644
index 0000000..3333333
--- /dev/null
+++ b/pkg/new.go
@@ -0,0 +1,2 @@
+package pkg
+var x = 1
`

describe('unified diff line map', () => {
  const map = lineMapFrom(parseUnifiedDiff(DIFF))

  it('moves base lines below an insertion down by the inserted count', () => {
    expect(map.toHead('pkg/a.go', 1)).toBe(1)
    expect(map.toHead('pkg/a.go', 5)).toBe(5)
    expect(map.toHead('pkg/a.go', 6)).toBe(8)
    expect(map.toHead('pkg/a.go', 15)).toBe(17)
  })

  it('gives no head line for rewritten or removed base lines', () => {
    expect(map.toHead('pkg/a.go', 3)).toBeUndefined()
    expect(map.toHead('pkg/a.go', 10)).toBeUndefined()
    expect(map.toHead('pkg/a.go', 20)).toBeUndefined()
    expect(map.toHead('pkg/a.go', 21)).toBe(22)
  })

  it('leaves files the change did not touch alone', () => {
    expect(map.toHead('pkg/other.go', 42)).toBe(42)
    expect(map.changedInHead('pkg/other.go', 42)).toBe(false)
  })

  it('marks added and rewritten head lines as changed, and every line of a new file', () => {
    expect(map.changedInHead('pkg/a.go', 3)).toBe(true)
    expect(map.changedInHead('pkg/a.go', 6)).toBe(true)
    expect(map.changedInHead('pkg/a.go', 7)).toBe(true)
    expect(map.changedInHead('pkg/a.go', 8)).toBe(false)
    expect(map.changedInHead('pkg/a.go', 12)).toBe(true)
    expect(map.changedInHead('pkg/new.go', 2)).toBe(true)
  })
})
