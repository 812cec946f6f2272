using System.Security.Cryptography;
using Pcmt.Infrastructure.Protection;

namespace Pcmt.Tests.Infrastructure;

public sealed class PersonalDataProtectorTests
{
    private static readonly byte[] Key1 = RandomNumberGenerator.GetBytes(32);
    private static readonly byte[] Key2 = RandomNumberGenerator.GetBytes(32);
    private static readonly byte[] IndexKey = RandomNumberGenerator.GetBytes(32);

    [Fact]
    public void Round_trips_and_never_stores_the_plaintext()
    {
        var protector = new PersonalDataProtector(new Dictionary<int, byte[]> { [1] = Key1 }, 1, IndexKey);
        var stored = protector.Encrypt("001090012345");
        Assert.DoesNotContain("001090012345", stored, StringComparison.Ordinal);
        Assert.StartsWith("v1.", stored, StringComparison.Ordinal);
        Assert.Equal("001090012345", protector.Decrypt(stored));
    }

    [Fact]
    public void The_same_value_encrypts_differently_each_time_but_indexes_the_same()
    {
        var protector = new PersonalDataProtector(new Dictionary<int, byte[]> { [1] = Key1 }, 1, IndexKey);
        Assert.NotEqual(protector.Encrypt("001090012345"), protector.Encrypt("001090012345"));
        Assert.Equal(protector.BlindIndex("001090012345"), protector.BlindIndex("001090012345"));
        Assert.NotEqual(protector.BlindIndex("001090012345"), protector.BlindIndex("001090012346"));
    }

    [Fact]
    public void A_rotated_protector_reads_old_values_and_writes_the_new_version()
    {
        var old = new PersonalDataProtector(new Dictionary<int, byte[]> { [1] = Key1 }, 1, IndexKey);
        var rotated = new PersonalDataProtector(new Dictionary<int, byte[]> { [1] = Key1, [2] = Key2 }, 2, IndexKey);
        var stored = old.Encrypt("0912345678");
        Assert.Equal("0912345678", rotated.Decrypt(stored));
        Assert.Equal(2, PersonalDataProtector.VersionOf(rotated.Encrypt("0912345678")));
        Assert.Equal(old.BlindIndex("x"), rotated.BlindIndex("x"));
    }

    [Fact]
    public void A_tampered_value_or_a_missing_key_fails_loudly()
    {
        var protector = new PersonalDataProtector(new Dictionary<int, byte[]> { [1] = Key1 }, 1, IndexKey);
        var stored = protector.Encrypt("001090012345");
        // Flip one bit of the ciphertext itself (not a base64 padding character, which may decode to the same bytes).
        var parts = stored.Split('.');
        var cipher = Convert.FromBase64String(parts[2]);
        cipher[cipher.Length / 2] ^= 0x01;
        var tampered = $"{parts[0]}.{parts[1]}.{Convert.ToBase64String(cipher)}";
        Assert.ThrowsAny<CryptographicException>(() => protector.Decrypt(tampered));

        var other = new PersonalDataProtector(new Dictionary<int, byte[]> { [2] = Key2 }, 2, IndexKey);
        Assert.ThrowsAny<CryptographicException>(() => other.Decrypt(stored));
    }
}

public sealed class KeyFileTests
{
    [Fact]
    public async Task Processes_starting_together_share_one_generated_key_file()
    {
        var folder = Path.Combine(Path.GetTempPath(), $"pcmt-keys-{Guid.NewGuid():N}");
        var file = Path.Combine(folder, "pcmt-keys.json");
        try
        {
            var protectors = await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => Task.Run(() =>
                PersonalDataProtector.FromConfiguration(new ProtectionOptions(), file, Microsoft.Extensions.Logging.Abstractions.NullLogger.Instance))));
            var sealedValue = protectors[0].Encrypt("001090012345");
            Assert.All(protectors, p => Assert.Equal("001090012345", p.Decrypt(sealedValue)));
            Assert.Single(Directory.GetFiles(folder), f => !f.EndsWith(".lock", StringComparison.Ordinal)); // the lock file stays beside it
            if (!OperatingSystem.IsWindows())
                Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(file));
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }
}

public sealed class FileProtectionTests
{
    [Fact]
    public void Files_round_trip_and_are_stored_as_ciphertext()
    {
        var protector = new PersonalDataProtector(new Dictionary<int, byte[]> { [3] = System.Security.Cryptography.RandomNumberGenerator.GetBytes(32) }, 3, System.Security.Cryptography.RandomNumberGenerator.GetBytes(32));
        var content = System.Text.Encoding.UTF8.GetBytes("Họ và tên,CCCD\nNguyễn Văn Hùng,001090012345\n");
        var stored = protector.EncryptBytes(content);
        Assert.Equal(-1, stored.AsSpan().IndexOf("001090012345"u8));
        Assert.Equal(content, protector.DecryptBytes(stored));
        stored[^1] ^= 0x01;
        Assert.ThrowsAny<System.Security.Cryptography.CryptographicException>(() => protector.DecryptBytes(stored));
    }
}
