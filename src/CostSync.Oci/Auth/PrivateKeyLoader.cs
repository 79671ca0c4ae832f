using System.Security.Cryptography;

namespace CostSync.Oci.Auth;

/// <summary>Loads an RSA private key from PEM: PKCS#1, PKCS#8 or encrypted PKCS#8. The legacy OpenSSL-encrypted form gets a conversion hint.</summary>
internal static class PrivateKeyLoader
{
    /// <summary>Reads and imports <paramref name="path"/>; <paramref name="source"/> names where the path came from in messages.</summary>
    /// <exception cref="OciConfigurationException">The file is missing or not a usable RSA private key.</exception>
    public static RSA LoadFile(string path, string? passphrase, string source)
    {
        string pem;
        try
        {
            pem = File.ReadAllText(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new OciConfigurationException($"The private key file {path} ({source}) cannot be read: {e.Message}", e);
        }

        return Load(pem, passphrase, $"{path} ({source})");
    }

    /// <summary>Imports <paramref name="pem"/>; <paramref name="where"/> names the key in messages.</summary>
    /// <exception cref="OciConfigurationException">Not a usable RSA private key.</exception>
    public static RSA Load(string pem, string? passphrase, string where)
    {
        if (pem.Contains("Proc-Type: 4,ENCRYPTED", StringComparison.Ordinal))
        {
            throw new OciConfigurationException(
                $"The private key {where} uses the legacy OpenSSL encryption (Proc-Type: 4,ENCRYPTED), which .NET cannot read. "
                + "Convert it to encrypted PKCS#8 with 'openssl pkcs8 -topk8 -v2 aes-256-cbc -in old.pem -out new.pem' and point key_file at new.pem.");
        }

        var rsa = RSA.Create();
        try
        {
            if (pem.Contains("-----BEGIN ENCRYPTED PRIVATE KEY-----", StringComparison.Ordinal))
            {
                if (string.IsNullOrEmpty(passphrase))
                {
                    throw new OciConfigurationException($"The private key {where} is encrypted: set pass_phrase in the profile.");
                }

                rsa.ImportFromEncryptedPem(pem, passphrase);
            }
            else
            {
                rsa.ImportFromPem(pem);
            }
        }
        catch (CryptographicException e)
        {
            rsa.Dispose();
            throw new OciConfigurationException(
                $"The private key {where} cannot be used ({e.Message}): expected an RSA key in PEM (BEGIN PRIVATE KEY, BEGIN RSA PRIVATE KEY or BEGIN ENCRYPTED PRIVATE KEY with the right pass_phrase).", e);
        }
        catch (ArgumentException e)
        {
            rsa.Dispose();
            throw new OciConfigurationException(
                $"The private key {where} is not an RSA private key in PEM (BEGIN PRIVATE KEY, BEGIN RSA PRIVATE KEY or BEGIN ENCRYPTED PRIVATE KEY).", e);
        }
        catch (OciConfigurationException)
        {
            rsa.Dispose();
            throw;
        }

        if (rsa.KeySize < 2048)
        {
            int size = rsa.KeySize;
            rsa.Dispose();
            throw new OciConfigurationException($"The private key {where} has {size} bits; OCI requires RSA keys of at least 2048 bits.");
        }

        return rsa;
    }
}
