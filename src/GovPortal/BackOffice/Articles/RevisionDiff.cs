using GovPortal.BackOffice.Workflow;
using GovPortal.Content.Kinds;
using GovPortal.Search;

namespace GovPortal.BackOffice.Articles;

/// <summary>What changed between two revisions, field by field as the content's kind lists them.</summary>
public static class RevisionDiff
{
    /// <summary>
    /// Plain fields compared character by character (with the channel and the related files after them), rich
    /// text paragraph by paragraph.
    /// </summary>
    /// <param name="display">How a stored value is shown (a choice's label for its id); as stored when null.</param>
    public static (List<DiffField> Fields, List<DiffBody> Bodies) Of(ContentKind kind, Revision older, Revision newer,
        Func<int, string> channelName, Func<ContentField, string, string>? display = null)
    {
        string Shown(ContentField field, Revision revision) =>
            display is null ? field.Get(revision) : display(field, field.Get(revision));
        static string Files(Revision r) =>
            string.Join("、", r.Files.OrderBy(f => f.SortOrder).Select(f => f.DisplayName));
        var fields = new List<DiffField>();
        var bodies = new List<DiffBody>();
        foreach (var field in kind.Fields)
        {
            if (field.Input == FieldInput.RichText)
                bodies.Add(new DiffBody(field.Label,
                    TextDiff.Paragraphs(HtmlText.Of(field.Get(older)), HtmlText.Of(field.Get(newer)))));
            else
                fields.Add(new DiffField(field.Label, TextDiff.Characters(Shown(field, older), Shown(field, newer))));
        }
        fields.Add(new DiffField("栏目",
            TextDiff.Characters(channelName(older.ChannelId), channelName(newer.ChannelId))));
        fields.Add(new DiffField("相关文件", TextDiff.Characters(Files(older), Files(newer))));
        return (fields, bodies);
    }
}
