using System.Diagnostics;
using GovPortal.Chinese;
using GovPortal.PublicSite.Variants;
using GovPortal.Safety;
using GovPortal.Safety.Scanning;
using GovPortal.Search;
using GovPortal.Tests.Support.Fuzzing;
using GovPortal.Theme;

namespace GovPortal.Tests.Safety;

/// <summary>
/// The parsers that read what staff and citizens type — the rich-text sanitizer, the content scanner, the search
/// query reader, page text extraction and the Traditional-script transformer — driven with generated hostile input
/// from a fixed seed: each either answers or refuses as documented, never throws anything else, and none hangs.
/// GOVPORTAL_FUZZ_SEED and GOVPORTAL_FUZZ_REQUESTS set the seed and the count (bench/fuzz.sh runs it longer).
/// </summary>
public sealed class ParserFuzzTests
{
    private static readonly ChineseConverter Converter = new(ChineseConverter.DefaultDictionaryDirectory);
    // A hang, not a speed limit: far above the sanitizer's own time limit, so a busy machine never trips it.
    private static readonly TimeSpan Slowest = TimeSpan.FromSeconds(30);

    private static int Setting(string name, int fallback) =>
        int.TryParse(Environment.GetEnvironmentVariable(name), out var value) && value > 0 ? value : fallback;

    /// <summary>Markup around hostile text: tags, attributes, entities, comments and broken nesting.</summary>
    private static string Markup(HostileInput input)
    {
        string[] tags = ["p", "b", "a", "img", "table", "tr", "td", "div", "span", "script", "style", "iframe", "svg",
            "math", "blockquote", "ul", "li", "font", "object", "template", "!--", "![CDATA["];
        string[] attributes =
            ["href", "src", "style", "onerror", "onclick", "class", "id", "data-x", "xmlns", "srcset"];
        var parts = new List<string>();
        for (var i = input.Next(30); i >= 0; i--)
        {
            var tag = input.Pick(tags);
            parts.Add(input.Next(5) switch
            {
                0 => $"<{tag} {input.Pick(attributes)}=\"{input.Text()}\">",
                1 => $"</{tag}>",
                2 => $"<{tag} {input.Pick(attributes)}={input.Text()}>",
                3 => "&" + input.Pick(["amp;", "#0;", "#x110000;", "#xD800;", "lt", "nbsp;", "#99999999999;"]),
                _ => input.Text(),
            });
        }
        return string.Concat(parts);
    }

    [Fact]
    public void Hostile_input_to_every_parser_is_answered_or_refused_as_documented_and_in_time()
    {
        var seed = Setting("GOVPORTAL_FUZZ_SEED", 20261201);
        var rounds = Setting("GOVPORTAL_FUZZ_REQUESTS", 1200) / 2;
        var input = new HostileInput(seed);
        var sanitizer = new RichTextSanitizer();
        var scanner = new PageScanner(Converter);
        var transformer = new VariantTransformer(Converter);
        var words = new QueryWords();
        var queries = new SearchQueryBuilder();
        var allowed = new HashSet<string>();
        var refused = false;
        var failures = new List<string>();
        var tally = new FuzzTally("parsers", seed);
        for (var i = 0; i < rounds && failures.Count < 10; i++)
        {
            var html = input.Chance(0.7) ? Markup(input) : input.Text();
            Check(i, "sanitizer", () =>
            {
                try
                {
                    sanitizer.Sanitize(html);
                }
                catch (RichTextRefusedException)
                {
                    // Documented: nested too deep or too slow; the editor is told why.
                    refused = true;
                }
            });
            Check(i, "scanner", () => scanner.Scan(html, input.Chance(0.7), allowed));
            Check(i, "page text", () => HtmlText.Of(html));
            Check(i, "繁體", () => transformer.Transform(html, input.Chance(0.5) ? PageVariant.Traditional
                : PageVariant.Elder, input.Chance(0.1)));
            // As the search page reads it: at most SearchRequest.MaxQueryLength characters.
            var query = input.Text();
            query = query.Length > SearchRequest.MaxQueryLength ? query[..SearchRequest.MaxQueryLength] : query;
            Check(i, "search words", () => queries.Build(words.Split(query)));
        }
        tally.WriteIfAsked();
        Assert.True(failures.Count == 0, $"seed {seed}:\n" + string.Join("\n", failures));

        void Check(int round, string parser, Action action)
        {
            var watch = Stopwatch.StartNew();
            refused = false;
            try
            {
                action();
            }
            catch (Exception e)
            {
                tally.Add(parser, "threw", watch.Elapsed);
                failures.Add($"#{round} {parser}: {e.GetType().Name}: {e.Message}");
                return;
            }
            tally.Add(parser, refused ? "refused" : "answered", watch.Elapsed);
            if (watch.Elapsed > Slowest) failures.Add($"#{round} {parser}: took {watch.Elapsed.TotalSeconds:0.0} s");
        }
    }
}
