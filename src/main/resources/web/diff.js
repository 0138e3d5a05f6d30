// A line diff by longest common subsequence, for two versions of a job: small inputs (a job spec is a few hundred
// lines at most), so the O(n·m) table is fine and the result is the minimal one.

/**
 * Aligns two texts line by line: rows of {left, right, kind} where kind is 'same', 'removed' (left only),
 * 'added' (right only); left/right are {number, text} or null.
 */
export function lineDiff(before, after) {
  const a = before.split('\n');
  const b = after.split('\n');
  const n = a.length, m = b.length;
  // lengths[i][j]: the LCS length of a[i..] and b[j..]
  const lengths = Array.from({length: n + 1}, () => new Uint32Array(m + 1));
  for (let i = n - 1; i >= 0; i--) {
    for (let j = m - 1; j >= 0; j--) {
      lengths[i][j] = a[i] === b[j] ? lengths[i + 1][j + 1] + 1 : Math.max(lengths[i + 1][j], lengths[i][j + 1]);
    }
  }
  const rows = [];
  let i = 0, j = 0;
  while (i < n || j < m) {
    if (i < n && j < m && a[i] === b[j]) {
      rows.push({kind: 'same', left: {number: i + 1, text: a[i]}, right: {number: j + 1, text: b[j]}});
      i++; j++;
    } else if (i < n && (j === m || lengths[i + 1][j] >= lengths[i][j + 1])) {
      // removals before additions, so sideBySide can put a changed line beside what it became
      rows.push({kind: 'removed', left: {number: i + 1, text: a[i]}, right: null});
      i++;
    } else {
      rows.push({kind: 'added', left: null, right: {number: j + 1, text: b[j]}});
      j++;
    }
  }
  return rows;
}

/**
 * Side by side: a run of removed lines followed by a run of added ones shares rows (a change), so a changed line
 * stands beside what it became. Rows of {left, right, kind} with kind 'same', 'changed', 'removed' or 'added'.
 */
export function sideBySide(rows) {
  const out = [];
  for (let k = 0; k < rows.length;) {
    if (rows[k].kind !== 'removed') {
      out.push(rows[k++]);
      continue;
    }
    const removed = [];
    while (k < rows.length && rows[k].kind === 'removed') removed.push(rows[k++].left);
    const added = [];
    while (k < rows.length && rows[k].kind === 'added') added.push(rows[k++].right);
    for (let p = 0; p < Math.max(removed.length, added.length); p++) {
      const left = removed[p] || null, right = added[p] || null;
      out.push({kind: left && right ? 'changed' : left ? 'removed' : 'added', left, right});
    }
  }
  return out;
}
