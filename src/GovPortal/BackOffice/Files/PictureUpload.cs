namespace GovPortal.BackOffice.Files;

/// <summary>
/// One picture chosen in a settings form (a 专题's banner, the site's 标志), as it arrived; one over the size limit is
/// not read at all. What is kept is decided by <see cref="UploadRules.Accept"/>.
/// </summary>
public sealed record PictureUpload(string FileName, byte[] Content, bool TooLarge = false)
{
    /// <summary>The picture in the form's field, or null when none was chosen.</summary>
    public static async Task<PictureUpload?> ReadAsync(IFormCollection form, string field,
        CancellationToken cancellationToken)
    {
        if (form.Files.GetFile(field) is not { } file || (file.Length == 0 && file.FileName.Length == 0)) return null;
        if (file.Length > UploadRules.MaxBytes)
            return new PictureUpload(UploadRules.CleanName(file.FileName), [], TooLarge: true);
        using var memory = new MemoryStream((int)file.Length);
        await file.CopyToAsync(memory, cancellationToken);
        return new PictureUpload(file.FileName, memory.ToArray());
    }

    /// <summary>What the page says when the picture was over the limit.</summary>
    public string TooLargeMessage(string what) =>
        $"{what}“{FileName}”超过了 {UploadRules.MaxBytes / 1024 / 1024} MB 的大小限制，未保存。";
}
