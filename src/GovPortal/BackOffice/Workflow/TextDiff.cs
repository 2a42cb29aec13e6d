namespace GovPortal.BackOffice.Workflow;

public enum DiffKind { Same, Inserted, Deleted }

public sealed record DiffSegment(DiffKind Kind, string Text);

/// <summary>
/// A readable difference between two texts: paragraphs are matched first (longest common subsequence), then a
/// changed paragraph is compared character by character, which is what Chinese text needs (it has no spaces).
/// </summary>
public static class TextDiff
{
    private const int MaxCharactersCompared = 3000;

    /// <returns>One list of segments per paragraph of the result.</returns>
    public static List<List<DiffSegment>> Paragraphs(string before, string after)
    {
        var a = Split(before);
        var b = Split(after);
        var result = new List<List<DiffSegment>>();
        var pendingDeleted = new List<string>();
        foreach (var (kind, text) in Lcs(a, b))
        {
            if (kind == DiffKind.Deleted)
            {
                pendingDeleted.Add(text);
                continue;
            }
            if (kind == DiffKind.Inserted && pendingDeleted.Count > 0)
            {
                // A paragraph replaced by one paragraph: show what changed inside it.
                result.Add(Characters(pendingDeleted[0], text));
                pendingDeleted.RemoveAt(0);
                continue;
            }
            Flush();
            result.Add([new DiffSegment(kind, text)]);
        }
        Flush();
        return result;

        void Flush()
        {
            foreach (var deleted in pendingDeleted) result.Add([new DiffSegment(DiffKind.Deleted, deleted)]);
            pendingDeleted.Clear();
        }
    }

    /// <summary>Character-level difference of two short texts (a title, a paragraph).</summary>
    public static List<DiffSegment> Characters(string before, string after)
    {
        if (before.Length > MaxCharactersCompared || after.Length > MaxCharactersCompared)
            return [new DiffSegment(DiffKind.Deleted, before), new DiffSegment(DiffKind.Inserted, after)];
        var merged = new List<DiffSegment>();
        foreach (var (kind, text) in
            Lcs(before.Select(c => c.ToString()).ToArray(), after.Select(c => c.ToString()).ToArray()))
        {
            if (merged.Count > 0 && merged[^1].Kind == kind)
                merged[^1] = merged[^1] with { Text = merged[^1].Text + text };
            else merged.Add(new DiffSegment(kind, text));
        }
        return merged;
    }

    private static string[] Split(string text) =>
        text.Replace("\r", "").Split('\n', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);

    // Classic dynamic programming; inputs are paragraphs or the characters of one paragraph, so n*m stays small.
    private static List<(DiffKind, string)> Lcs(string[] a, string[] b)
    {
        var lengths = new int[a.Length + 1, b.Length + 1];
        for (var i = a.Length - 1; i >= 0; i--)
            for (var j = b.Length - 1; j >= 0; j--)
                lengths[i, j] = a[i] == b[j] ? lengths[i + 1, j + 1] + 1
                    : Math.Max(lengths[i + 1, j], lengths[i, j + 1]);
        var result = new List<(DiffKind, string)>();
        int x = 0, y = 0;
        while (x < a.Length && y < b.Length)
        {
            if (a[x] == b[y])
            {
                result.Add((DiffKind.Same, a[x]));
                x++;
                y++;
            }
            else if (lengths[x + 1, y] >= lengths[x, y + 1]) result.Add((DiffKind.Deleted, a[x++]));
            else result.Add((DiffKind.Inserted, b[y++]));
        }
        while (x < a.Length) result.Add((DiffKind.Deleted, a[x++]));
        while (y < b.Length) result.Add((DiffKind.Inserted, b[y++]));
        return result;
    }
}
