using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;

namespace Pcmt.Infrastructure.Protection;

/// <summary>
/// Envelope encryption of personal identifiers (citizen ID, phone): each value gets its own random data key (AES-256-GCM),
/// wrapped by a versioned key-encryption key; the stored text names the key version, so keys can be rotated value by value.
/// Equality search goes through a keyed HMAC (blind index), never through plaintext.
/// </summary>
public sealed class PersonalDataProtector
{
    private const int KeySize = 32;
    private const int NonceSize = 12;
    private const int TagSize = 16;

    private readonly Dictionary<int, byte[]> _keys;
    private readonly byte[] _indexKey;

    public PersonalDataProtector(IReadOnlyDictionary<int, byte[]> keys, int activeVersion, byte[] indexKey)
    {
        if (keys.Count == 0 || !keys.ContainsKey(activeVersion))
            throw new InvalidOperationException("Protection: the active key version has no key.");
        if (keys.Values.Any(k => k.Length != KeySize) || indexKey.Length < KeySize)
            throw new InvalidOperationException("Protection: keys must be 32 bytes (base64).");
        _keys = keys.ToDictionary(k => k.Key, k => k.Value);
        ActiveVersion = activeVersion;
        _indexKey = indexKey;
    }

    public int ActiveVersion { get; }

    public string Encrypt(string plaintext)
    {
        var dataKey = RandomNumberGenerator.GetBytes(KeySize);
        var (valueNonce, valueCipher) = Seal(dataKey, Encoding.UTF8.GetBytes(plaintext));
        var (keyNonce, wrappedKey) = Seal(_keys[ActiveVersion], dataKey);
        CryptographicOperations.ZeroMemory(dataKey);
        return string.Create(CultureInfo.InvariantCulture, $"v{ActiveVersion}.{Convert.ToBase64String([.. keyNonce, .. wrappedKey])}.{Convert.ToBase64String([.. valueNonce, .. valueCipher])}");
    }

    public string Decrypt(string stored)
    {
        var parts = stored.Split('.');
        if (parts.Length != 3 || !parts[0].StartsWith('v') || !int.TryParse(parts[0].AsSpan(1), NumberStyles.None, CultureInfo.InvariantCulture, out var version))
            throw new CryptographicException("Protected value has an unknown format.");
        if (!_keys.TryGetValue(version, out var keyEncryptionKey))
            throw new CryptographicException($"Key version {version} is not configured.");

        var wrapped = Convert.FromBase64String(parts[1]);
        var dataKey = Open(keyEncryptionKey, wrapped);
        try
        {
            return Encoding.UTF8.GetString(Open(dataKey, Convert.FromBase64String(parts[2])));
        }
        finally
        {
            CryptographicOperations.ZeroMemory(dataKey);
        }
    }

    /// <summary>Files with personal data (uploaded lists, reject files) kept in the database: the same envelope, as bytes.</summary>
    public byte[] EncryptBytes(byte[] plaintext)
    {
        var dataKey = RandomNumberGenerator.GetBytes(KeySize);
        var (valueNonce, valueCipher) = Seal(dataKey, plaintext);
        var (keyNonce, wrappedKey) = Seal(_keys[ActiveVersion], dataKey);
        CryptographicOperations.ZeroMemory(dataKey);
        return [.. BitConverter.GetBytes(ActiveVersion), .. keyNonce, .. wrappedKey, .. valueNonce, .. valueCipher];
    }

    public byte[] DecryptBytes(byte[] stored)
    {
        var version = BitConverter.ToInt32(stored, 0);
        if (!_keys.TryGetValue(version, out var keyEncryptionKey))
            throw new CryptographicException($"Key version {version} is not configured.");
        var wrappedLength = NonceSize + KeySize + TagSize;
        var dataKey = Open(keyEncryptionKey, stored[4..(4 + wrappedLength)]);
        try
        {
            return Open(dataKey, stored[(4 + wrappedLength)..]);
        }
        finally
        {
            CryptographicOperations.ZeroMemory(dataKey);
        }
    }

    public static int VersionOf(string stored) =>
        int.Parse(stored.AsSpan(1, stored.IndexOf('.', StringComparison.Ordinal) - 1), NumberStyles.None, CultureInfo.InvariantCulture);

    /// <summary>Keyed HMAC-SHA256 of the normalised value, hex: equal inputs give equal indexes, and the index reveals nothing without the key.</summary>
    public string BlindIndex(string value) => Convert.ToHexStringLower(HMACSHA256.HashData(_indexKey, Encoding.UTF8.GetBytes(value.Trim())));

    private static (byte[] Nonce, byte[] CipherAndTag) Seal(byte[] key, byte[] plaintext)
    {
        var nonce = RandomNumberGenerator.GetBytes(NonceSize);
        var output = new byte[plaintext.Length + TagSize];
        using var aes = new AesGcm(key, TagSize);
        aes.Encrypt(nonce, plaintext, output.AsSpan(0, plaintext.Length), output.AsSpan(plaintext.Length));
        return (nonce, output);
    }

    private static byte[] Open(byte[] key, byte[] sealedValue)
    {
        var nonce = sealedValue.AsSpan(0, NonceSize);
        var cipher = sealedValue.AsSpan(NonceSize, sealedValue.Length - NonceSize - TagSize);
        var tag = sealedValue.AsSpan(sealedValue.Length - TagSize);
        var plaintext = new byte[cipher.Length];
        using var aes = new AesGcm(key, TagSize);
        aes.Decrypt(nonce, cipher, tag, plaintext);
        return plaintext;
    }

    /// <summary>Builds the protector from configuration; without keys, creates a key file beside the embedded database (never in the database).</summary>
    public static PersonalDataProtector FromConfiguration(ProtectionOptions options, string defaultKeyFile, ILogger logger)
    {
        if (options.Keys.Count == 0)
        {
            var file = options.KeyFile ?? defaultKeyFile;
            Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(file))!);
            // An exclusive lock file serialises processes starting together: one generates the key file, all use it.
            using (AcquireLock(file + ".lock"))
            {
                if (!File.Exists(file))
                {
                    var generated = new KeyFile(new Dictionary<string, string> { ["1"] = NewKey() }, "1", NewKey());
                    var temporary = $"{file}.{Guid.NewGuid():N}.tmp";
                    File.WriteAllText(temporary, JsonSerializer.Serialize(generated, KeyFileJson));
                    if (!OperatingSystem.IsWindows())
                        File.SetUnixFileMode(temporary, UnixFileMode.UserRead | UnixFileMode.UserWrite);
                    File.Move(temporary, file);
                    logger.LogWarning("Generated a new personal-data key file at {KeyFile}; back it up separately from the database", file);
                }
            }

            var loaded = JsonSerializer.Deserialize<KeyFile>(File.ReadAllText(file), KeyFileJson)
                ?? throw new InvalidOperationException($"Key file {file} is empty.");
            options = new ProtectionOptions { Keys = loaded.Keys, ActiveKey = loaded.ActiveKey, IndexKey = loaded.IndexKey };
        }

        var keys = options.Keys.ToDictionary(k => int.Parse(k.Key, CultureInfo.InvariantCulture), k => Convert.FromBase64String(k.Value));
        var active = options.ActiveKey is { } a ? int.Parse(a, CultureInfo.InvariantCulture) : keys.Keys.Max();
        var index = Convert.FromBase64String(options.IndexKey ?? throw new InvalidOperationException("Protection:IndexKey is required."));
        return new PersonalDataProtector(keys, active, index);
    }

    private static FileStream AcquireLock(string path)
    {
        for (var attempt = 0; ; attempt++)
        {
            try
            {
                return new FileStream(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);
            }
            catch (IOException) when (attempt < 500)
            {
                Thread.Sleep(20);
            }
        }
    }

    public static string NewKey() => Convert.ToBase64String(RandomNumberGenerator.GetBytes(KeySize));

    private static readonly JsonSerializerOptions KeyFileJson = new(JsonSerializerDefaults.Web) { WriteIndented = true };

    private sealed record KeyFile(Dictionary<string, string> Keys, string ActiveKey, string IndexKey);
}
