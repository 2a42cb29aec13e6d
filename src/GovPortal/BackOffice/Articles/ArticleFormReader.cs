using System.Text.RegularExpressions;
using GovPortal.BackOffice.Files;
using GovPortal.BackOffice.Forms;
using GovPortal.BackOffice.Workflow;
using GovPortal.Content.Kinds;

namespace GovPortal.BackOffice.Articles;

/// <summary>Reads the content form (multipart, with its files) into an <see cref="ArticleForm"/>.</summary>
public static class ArticleFormReader
{
    /// <summary>The hidden field that says which kind of content the form holds.</summary>
    public const string KindField = "kind";

    /// <param name="pictureBase">Where the editor shows the article's pictures to staff ("/admin/pictures/"): the
    /// body is stored with their public addresses instead.</param>
    public static async Task<(ArticleForm Form, string? Error)> ReadAsync(IFormCollection form, ContentKinds kinds,
        string pictureBase, CancellationToken cancellationToken)
    {
        var files = new List<(string, byte[])>();
        string? error = null;
        foreach (var file in form.Files.Where(f => f.Name == "files" && (f.Length > 0 || f.FileName.Length > 0)))
        {
            // Too large is refused before the bytes are read; everything else is checked by UploadRules.
            if (file.Length > UploadRules.MaxBytes)
            {
                error = $"文件“{UploadRules.CleanName(file.FileName)}”超过了 {UploadRules.MaxBytes / 1024 / 1024} MB 的大小限制。"
                    + "本次保存未执行，请处理后重新选择文件再保存。";
                break;
            }
            using var memory = new MemoryStream((int)file.Length);
            await file.CopyToAsync(memory, cancellationToken);
            files.Add((file.FileName, memory.ToArray()));
        }
        var kindKey = form.Text(KindField);
        var kind = kindKey.Length == 0 ? NewsKind.Kind : kinds.All.FirstOrDefault(k => k.Key == kindKey);
        if (kind is null)
        {
            kind = NewsKind.Kind;
            error ??= "表单中的内容类型无法识别，本次保存未执行。请刷新页面后重新填写。";
        }
        var parsed = new ArticleForm
        {
            ChannelId = form.Int("channelId"),
            Kind = kind,
            Values = kind.Fields.ToDictionary(f => f.Name,
                f => f.Input == FieldInput.RichText
                    ? StoredPictures(form.Text(f.Name), pictureBase)
                    : form.Text(f.Name),
                StringComparer.Ordinal),
            BaseRevisionId = form.Int("baseRevisionId"),
            BaseVersion = form.Int("baseVersion"),
            RemoveFileIds = form["removeFile"].Select(v => int.TryParse(v, out var id) ? id : 0).Where(id => id > 0)
                .ToList(),
            NewFiles = files,
        };
        return (parsed, error);
    }

    /// <summary>
    /// The editor shows a picture or a video (and its poster) from the back office, since an unpublished one is not
    /// on the public site yet; the body names it by its public address. The editor's script maps it back too: this
    /// covers a browser that did not.
    /// </summary>
    public static string StoredPictures(string html, string pictureBase) =>
        html.Contains(pictureBase, StringComparison.Ordinal)
            ? Regex.Replace(html,
                "(?<=(src|poster)=[\"']?)" + Regex.Escape(pictureBase) + "(?=[0-9a-f]{32}\\.(jpg|png|mp4)\\b)",
                "/files/", RegexOptions.None, TimeSpan.FromSeconds(1))
            : html;
}
