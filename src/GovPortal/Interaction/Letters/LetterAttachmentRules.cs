using GovPortal.BackOffice.Files;

namespace GovPortal.Interaction.Letters;

/// <summary>A file that passed <see cref="LetterAttachmentRules"/>: its cleaned name, type and bytes.</summary>
public sealed record CheckedAttachment(string FileName, string ContentType, byte[] Content);

/// <summary>
/// What a citizen may attach to a letter: images (jpg, png, gif) and PDF only, a few small files. Each file goes
/// through the back office's upload checks (<see cref="UploadRules.Accept"/>: the contents must really be what the
/// extension says), so a page or a program renamed to <c>.jpg</c> is refused.
/// </summary>
public static class LetterAttachmentRules
{
    public const int MaxFiles = 3;
    public const int MaxFileBytes = 5 * 1024 * 1024;
    public const int MaxTotalBytes = 10 * 1024 * 1024;

    /// <summary>The largest letter post the form guard reads: the files and room for the text fields. A larger post
    /// is refused before it is read.</summary>
    public const int MaxBodyBytes = MaxTotalBytes + 2 * 1024 * 1024;

    public static readonly IReadOnlyList<string> Extensions = ["jpg", "png", "gif", "pdf"];

    /// <summary>What the form says about attachments.</summary>
    public static string Rule =>
        $"可上传图片（jpg、png、gif）或 PDF 文件，最多 {MaxFiles} 个，每个不超过 {MaxFileBytes / 1024 / 1024} MB，" +
        $"合计不超过 {MaxTotalBytes / 1024 / 1024} MB。";

    /// <summary>The accepted files, or what is wrong with them (in Chinese, naming each file).</summary>
    public static async Task<(IReadOnlyList<CheckedAttachment> Files, string? Error)> CheckAsync(
        IEnumerable<IFormFile> files, CancellationToken cancellationToken)
    {
        // A browser sends an empty part for a file field where nothing was chosen.
        var chosen = files.Where(f => f.Length > 0 || f.FileName.Length > 0).ToList();
        if (chosen.Count == 0) return ([], null);
        if (chosen.Count > MaxFiles) return ([], $"最多上传 {MaxFiles} 个附件，您选择了 {chosen.Count} 个。");
        var problems = new List<string>();
        var accepted = new List<CheckedAttachment>();
        long total = 0;
        foreach (var file in chosen)
        {
            var name = UploadRules.CleanName(file.FileName);
            if (!Extensions.Contains(ExtensionOf(name)))
            {
                problems.Add($"附件“{name}”的类型不能上传：只接受图片（jpg、png、gif）或 PDF 文件。");
                continue;
            }
            if (file.Length > MaxFileBytes)
            {
                problems.Add($"附件“{name}”超过了 {MaxFileBytes / 1024 / 1024} MB。");
                continue;
            }
            total += file.Length;
            var content = new byte[file.Length];
            await using (var stream = file.OpenReadStream())
                await stream.ReadExactlyAsync(content, cancellationToken);
            // A citizen's phone photo carries where it was taken: only its pixels are kept.
            var (kept, error) = UploadRules.Accept(file.FileName, content);
            if (kept is null) problems.Add(error!.Replace("文件“", "附件“", StringComparison.Ordinal));
            else accepted.Add(new CheckedAttachment(kept.DisplayName, kept.ContentType, kept.Content));
        }
        if (total > MaxTotalBytes)
            problems.Add($"附件合计超过了 {MaxTotalBytes / 1024 / 1024} MB，请减少或压缩后再上传。");
        return problems.Count > 0 ? ([], string.Join(" ", problems)) : (accepted, null);
    }

    private static string ExtensionOf(string name)
    {
        var dot = name.LastIndexOf('.');
        var extension = dot > 0 ? name[(dot + 1)..].ToLowerInvariant() : "";
        return extension == "jpeg" ? "jpg" : extension;
    }
}
