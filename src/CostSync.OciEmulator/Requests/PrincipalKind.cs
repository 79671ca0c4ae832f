namespace CostSync.OciEmulator.Requests;

/// <summary>Who a request was authenticated as.</summary>
internal enum PrincipalKind
{
    /// <summary>Not authenticated (rejected or unsigned).</summary>
    Anonymous,

    /// <summary>API key: <c>tenancy/user/fingerprint</c>.</summary>
    ApiKey,

    /// <summary><c>ST$</c> token minted for a session-token config file.</summary>
    SessionToken,

    /// <summary><c>ST$</c> token minted by federation for the instance.</summary>
    InstancePrincipal,

    /// <summary>Federation call signed with the instance leaf certificate key.</summary>
    InstanceCertificate,

    /// <summary>IMDS call carrying <c>Authorization: Bearer Oracle</c>.</summary>
    Metadata,
}
