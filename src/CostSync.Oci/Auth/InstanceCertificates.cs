using System.Security.Cryptography.X509Certificates;

namespace CostSync.Oci.Auth;

/// <summary>Facts OCI encodes in an instance's leaf certificate.</summary>
internal static class InstanceCertificates
{
    /// <summary>The tenancy OCID from the subject attribute <c>opc-tenant:&lt;ocid&gt;</c> (or <c>opc-identity:</c>); <see langword="null"/> when absent.</summary>
    public static string? TenancyOf(X509Certificate2 certificate)
    {
        string? identity = null;
        foreach (X500RelativeDistinguishedName rdn in certificate.SubjectName.EnumerateRelativeDistinguishedNames())
        {
            if (rdn.HasMultipleElements || rdn.GetSingleElementValue() is not { } value)
            {
                continue;
            }

            if (value.StartsWith("opc-tenant:", StringComparison.Ordinal))
            {
                return value["opc-tenant:".Length..];
            }

            if (value.StartsWith("opc-identity:", StringComparison.Ordinal))
            {
                identity = value["opc-identity:".Length..];
            }
        }

        return identity;
    }
}
