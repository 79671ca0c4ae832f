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
        catch (Exception e) when (e is FileNotFoundException or DirectoryNotFoundException)
        {
            throw new OciConfigurationException($"The private key file {path} ({source}) does not exist. Point key_file at the API private key (e.g. ~/.oci/oci_api_key.pem), or create a key pair with 'oci setup keys'.", e);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new OciConfigurationException($"The private key file {path} ({source}) cannot be read: {e.Message.TrimEnd('.')}. {CredentialFiles.Fix(path)}", e);
        }

        return Load(pem, passphrase, $"{path} ({source})");
    }

    /// <summary>Imports <paramref name="pem"/>; <paramref name="where"/> names the key in messages.</summary>
    /// <exception cref="OciConfigurationException">Not a usable RSA private key.</exception>
    public static RSA Load(string pem, string? passphrase, string where)
    {
        if (PublicKeyLabel(pem) is { } label)
        {
            // .NET would import a public key without complaint and fail only when signing, with an OpenSSL error string.
            throw new OciConfigurationException(
                $"The key file {where} is a public key ({label}), not a private key. key_file must point at the private key of the API key pair "
                + "(e.g. ~/.oci/oci_api_key.pem, not oci_api_key_public.pem); the public key is the one uploaded to the user's API keys in the OCI Console.");
        }

        if (pem.Contains("-----BEGIN OPENSSH PRIVATE KEY-----", StringComparison.Ordinal))
        {
            throw new OciConfigurationException(
                $"The private key {where} is in OpenSSH format, which OCI tools do not read. Convert a copy to PEM with 'ssh-keygen -p -m PEM -f <copy>', "
                + "or better create an API key pair for OCI ('oci setup keys', or the Console's 'Add API key').");
        }

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

    /// <summary>The label of a public key (PEM or an OpenSSH <c>ssh-rsa</c> line) when the text holds no private key; else null.</summary>
    private static string? PublicKeyLabel(string text)
    {
        if (text.Contains("PRIVATE KEY-----", StringComparison.Ordinal))
        {
            return null;
        }

        foreach (string label in (string[])["-----BEGIN PUBLIC KEY-----", "-----BEGIN RSA PUBLIC KEY-----", "---- BEGIN SSH2 PUBLIC KEY ----"])
        {
            if (text.Contains(label, StringComparison.Ordinal))
            {
                return label.Trim('-', ' ');
            }
        }

        return text.TrimStart().StartsWith("ssh-rsa ", StringComparison.Ordinal) ? "an OpenSSH ssh-rsa line" : null;
    }
}
