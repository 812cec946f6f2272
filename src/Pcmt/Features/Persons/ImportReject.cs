namespace Pcmt.Features.Persons;

/// <summary>File lỗi of an import: the refused rows with their reasons, kept for the importing user to download (stateless nodes: in the database).</summary>
public sealed class ImportReject
{
    public Guid Id { get; set; } = Guid.CreateVersion7();

    public Guid? UserId { get; set; }

    public string FileName { get; set; } = "";

    /// <summary>Encrypted (the refused rows hold personal data): see <see cref="Infrastructure.Protection.PersonalDataProtector.EncryptBytes"/>.</summary>
    public byte[] Content { get; set; } = [];

    public DateTime CreatedAt { get; set; }
}
