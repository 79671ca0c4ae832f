namespace CostSync.Oci;

/// <summary>How CostSync authenticates to OCI.</summary>
public enum OciAuthMode
{
    /// <summary>The VM itself, through instance metadata and federation: no keys on disk.</summary>
    InstancePrincipal,

    /// <summary>An API-key profile from <c>~/.oci/config</c>.</summary>
    ApiKey,

    /// <summary>A CLI session token (<c>security_token_file</c>) from <c>~/.oci/config</c>.</summary>
    SecurityToken,
}
