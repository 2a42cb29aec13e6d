using System.Diagnostics;
using GovPortal.BackOffice.Files;
using GovPortal.Content;
using GovPortal.Content.Uploads;
using GovPortal.Data;
using GovPortal.Storage;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SkiaSharp;

namespace GovPortal.Bench;

/// <summary>
/// What pictures cost: the upload of a camera photo (decode, turn, scale, encode, smaller copies, store), into a
/// share of a generated site's articles, whose full publish bench/pictures.sh then compares with the same site's
/// without pictures.
/// </summary>
public static class PictureBenchmarks
{
    private const int PhotoWidth = 4000, PhotoHeight = 3000; // a 12-megapixel phone photo

    /// <summary>
    /// Uploads <paramref name="pictures"/> photos into the first published articles of a generated site that was not
    /// published yet (in the body and as the 题图), timing each upload; the publish is measured by the caller.
    /// </summary>
    public static async Task<string> AttachAsync(PortalPaths paths, int pictures)
    {
        using var host = PublishBenchmarks.BuildHost(paths);
        var database = host.Services.GetRequiredService<DatabaseOptions>();
        var uploads = host.Services.GetRequiredService<UploadStore>();
        List<int> ids;
        await using (var db = database.CreateContext())
            ids = await db.Articles.Where(a => a.Status == ArticleStatus.Published).OrderBy(a => a.Id)
                .Select(a => a.Id).Take(pictures).ToListAsync();
        var uploadTimes = new List<double>();
        long keptBytes = 0, photoBytes = 0;
        var random = new Random(7);
        foreach (var id in ids)
        {
            var photo = Photo(random);
            photoBytes += photo.Length;
            var watch = Stopwatch.StartNew();
            var (kept, error) = UploadRules.Accept("现场照片.jpg", photo);
            if (kept is null) throw new InvalidOperationException(error);
            var stored = uploads.Save(kept.Content);
            foreach (var (width, bytes) in ImageReencoder.SmallerCopies(kept.Content, kept.Extension))
                uploads.SaveSmaller(stored, width, bytes);
            uploadTimes.Add(watch.Elapsed.TotalMilliseconds);
            keptBytes += kept.Content.Length;
            await AttachAsync(database, id, kept, stored);
        }
        return
            $"| upload of a {PhotoWidth}×{PhotoHeight} JPEG photo with EXIF: re-encode to 1,920 px, 480 and 960 " +
            $"copies, store | {ids.Count} photos, {photoBytes / ids.Count / 1024:N0} KB each " +
            $"| median {PublishBenchmarks.Percentile(uploadTimes, 50):0} ms " +
            $"| **p95 {PublishBenchmarks.Percentile(uploadTimes, 95):0} ms** " +
            $"| kept {keptBytes / ids.Count / 1024:N0} KB each |";
    }

    /// <summary>A photo-like picture (gradients and shapes, not one flat colour) with an EXIF block.</summary>
    private static byte[] Photo(Random random)
    {
        using var bitmap = new SKBitmap(PhotoWidth, PhotoHeight);
        using (var canvas = new SKCanvas(bitmap))
        {
            using var sky = SKShader.CreateLinearGradient(new SKPoint(0, 0), new SKPoint(0, PhotoHeight),
                [new SKColor(90, 140, 200), new SKColor(230, 220, 190)], SKShaderTileMode.Clamp);
            using var paint = new SKPaint { Shader = sky };
            canvas.DrawRect(0, 0, PhotoWidth, PhotoHeight, paint);
            using var shape = new SKPaint { IsAntialias = true };
            for (var i = 0; i < 400; i++)
            {
                shape.Color = new SKColor((byte)random.Next(256), (byte)random.Next(256), (byte)random.Next(256), 160);
                canvas.DrawCircle(random.Next(PhotoWidth), random.Next(PhotoHeight), random.Next(10, 300), shape);
            }
        }
        using var image = SKImage.FromBitmap(bitmap);
        using var data = image.Encode(SKEncodedImageFormat.Jpeg, 90);
        var jpeg = data.ToArray();
        // A minimal EXIF block (APP1) right after the start marker, as a camera writes one.
        byte[] exif = [0xFF, 0xE1, 0, 16, .. "Exif\0\0II*\0"u8, 8, 0, 0, 0];
        return [.. jpeg[..2], .. exif, .. jpeg[2..]];
    }

    private static async Task AttachAsync(DatabaseOptions database, int articleId, AcceptedUpload kept,
        string stored)
    {
        await using var db = database.CreateContext();
        var article = await db.Articles.SingleAsync(a => a.Id == articleId);
        var name = ArticlePictures.NameOf(stored, kept.Extension);
        db.RelatedFiles.Add(new RelatedFile
        {
            ArticleId = articleId, DisplayName = kept.DisplayName, StoredName = stored, Extension = kept.Extension,
            SizeBytes = kept.Content.Length, ContentType = kept.ContentType, Width = kept.Width, Height = kept.Height,
        });
        article.BodyHtml = $"<p><img src=\"{ArticlePictures.Address(name)}\" alt=\"活动现场\"></p>" + article.BodyHtml;
        article.LeadImage = name;
        await db.SaveChangesAsync();
    }
}
