using SixLabors.ImageSharp;
using SixLabors.ImageSharp.Formats.Jpeg;
using SixLabors.ImageSharp.Formats.Png;
using SixLabors.ImageSharp.Formats.Webp;
using SixLabors.ImageSharp.Processing;

namespace Pcmt.Features.Tips;

/// <summary>
/// Checks a photo by decoding it (the file name and declared type are not trusted) and, unless the sender keeps them, removes its
/// metadata (EXIF with GPS position and camera serial, IPTC, XMP, ICC) by re-encoding the pixels as a new JPEG.
/// </summary>
public static class TipImages
{
    public const int MaxBytes = 5 * 1024 * 1024;
    public const int MaxPhotos = 3;
    public const long MaxPixels = 40_000_000;
    private const int MaxSide = 2560;

    // Only the formats phones produce; a decoder for anything else is never run on untrusted input.
    private static readonly Configuration Formats = new(new JpegConfigurationModule(), new PngConfigurationModule(), new WebpConfigurationModule());

    public sealed record Cleaned(byte[] Content, string ContentType, int Width, int Height);

    public static Result<Cleaned> Clean(byte[] content, bool keepMetadata)
    {
        const string field = "photos";
        if (content.Length == 0)
            return new Failure.Invalid(field, "Tệp ảnh rỗng.");
        if (content.Length > MaxBytes)
            return new Failure.Invalid(field, "Mỗi ảnh không được lớn hơn 5 MB.");
        try
        {
            var info = Image.Identify(Formats, content, out var format);
            if (info is null || format is null)
                return NotAnImage();
            if ((long)info.Width * info.Height > MaxPixels)
                return new Failure.Invalid(field, "Ảnh có kích thước quá lớn (tối đa 40 megapixel).");

            using var image = Image.Load(Formats, content);
            if (keepMetadata)
                return new Cleaned(content, format.DefaultMimeType, image.Width, image.Height);

            image.Mutate(x => x.AutoOrient());
            if (Math.Max(image.Width, image.Height) > MaxSide)
                image.Mutate(x => x.Resize(new ResizeOptions { Mode = ResizeMode.Max, Size = new Size(MaxSide, MaxSide) }));
            image.Metadata.ExifProfile = null;
            image.Metadata.IptcProfile = null;
            image.Metadata.XmpProfile = null;
            image.Metadata.IccProfile = null;
            using var output = new MemoryStream();
            image.SaveAsJpeg(output, new JpegEncoder { Quality = 85 });
            return new Cleaned(output.ToArray(), "image/jpeg", image.Width, image.Height);
        }
        catch (Exception exception) when (exception is ImageFormatException or NotSupportedException or InvalidDataException)
        {
            // The library reports undecodable input by exception; for us it is the sender's error, not a bug.
            return NotAnImage();
        }
    }

    private static Failure.Invalid NotAnImage() =>
        new Failure.Invalid("photos", "Tệp đính kèm không phải là ảnh hợp lệ (chỉ nhận ảnh JPEG, PNG hoặc WebP).");
}
