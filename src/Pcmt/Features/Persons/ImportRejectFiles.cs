using Microsoft.EntityFrameworkCore;
using Pcmt.Infrastructure.Protection;

namespace Pcmt.Features.Persons;

/// <summary>Tệp lỗi của lần nhập: stored encrypted for the importing user, served back only to them.</summary>
public sealed class ImportRejectFiles(AppDbContext db, PersonalDataProtector protector, TimeProvider clock)
{
    public const string ContentType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    public async Task<Guid> SaveAsync(Guid? userId, string sourceFileName, byte[] content, CancellationToken cancellationToken)
    {
        var reject = new ImportReject
        {
            UserId = userId,
            FileName = Path.GetFileNameWithoutExtension(sourceFileName) + "-loi.xlsx",
            Content = protector.EncryptBytes(content),
            CreatedAt = clock.GetUtcNow().UtcDateTime,
        };
        db.ImportRejects.Add(reject);
        await db.SaveChangesAsync(cancellationToken);
        return reject.Id;
    }

    public async Task<(string FileName, byte[] Content)?> FindAsync(Guid id, Guid? userId, CancellationToken cancellationToken) =>
        await db.ImportRejects.AsNoTracking().FirstOrDefaultAsync(r => r.Id == id && r.UserId == userId, cancellationToken) is { } reject
            ? (reject.FileName, protector.DecryptBytes(reject.Content))
            : null;
}
