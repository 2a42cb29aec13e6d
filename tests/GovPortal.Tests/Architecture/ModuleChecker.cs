namespace GovPortal.Tests.Architecture;

/// <summary>
/// Checks type references against a module table. Types outside the root namespace are ignored (the framework,
/// libraries, compiler-made helpers); a type under the root that belongs to no module is reported too.
/// </summary>
public sealed class ModuleChecker(
    string root, IReadOnlyList<Module> modules, IReadOnlyList<AllowedReference> exceptions,
    IReadOnlyDictionary<string, string>? globalTypes = null)
{
    private readonly HashSet<AllowedReference> _used = [];

    /// <summary>The exceptions that no reference needed in the last check (they should go).</summary>
    public IReadOnlyList<AllowedReference> UnusedExceptions => exceptions.Where(e => !_used.Contains(e)).ToList();

    /// <returns>One line per reference the table does not allow, naming both types and both modules.</returns>
    public IReadOnlyList<string> Check(IEnumerable<(string From, string To)> references)
    {
        _used.Clear();
        var violations = new SortedSet<string>(StringComparer.Ordinal);
        foreach (var (from, to) in references)
        {
            var (fromName, fromModule) = (Relative(from), ModuleOf(from));
            var (toName, toModule) = (Relative(to), ModuleOf(to));
            if (fromName is null || toName is null) continue;
            if (fromModule is null)
            {
                violations.Add($"{from} belongs to no module: add its namespace to the module table");
                continue;
            }
            if (toModule is null || toModule.Name == fromModule.Name) continue;
            if (fromModule.MayUse.Contains("*") || fromModule.MayUse.Contains(toModule.Name)) continue;
            var exception = exceptions.FirstOrDefault(e => Covers(e.From, fromName) && Covers(e.To, toName));
            if (exception is not null)
            {
                _used.Add(exception);
                continue;
            }
            violations.Add(
                $"{from} ({fromModule.Name}) uses {to} ({toModule.Name}), which {fromModule.Name} may not use");
        }
        return [.. violations];
    }

    /// <summary>The type's name under the root, or null for a type outside it.</summary>
    private string? Relative(string type)
    {
        if (globalTypes?.ContainsKey(type) == true) return type;
        return type.StartsWith(root + ".", StringComparison.Ordinal) ? type[(root.Length + 1)..] : null;
    }

    private Module? ModuleOf(string type)
    {
        if (globalTypes?.TryGetValue(type, out var name) == true) return modules.First(m => m.Name == name);
        var relative = Relative(type);
        if (relative is null) return null;
        var ns = relative.Contains('.') ? relative[..relative.LastIndexOf('.')] : "";
        return modules.Where(m => Covers(m.Name, ns)).MaxBy(m => m.Name.Length);
    }

    /// <summary>Whether a type or namespace name is <paramref name="prefix"/> or lies under it.</summary>
    private static bool Covers(string prefix, string name) =>
        name == prefix || name.StartsWith(prefix + ".", StringComparison.Ordinal);
}
