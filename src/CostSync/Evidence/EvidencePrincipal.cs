namespace CostSync.Evidence;

/// <summary>The OCI identity a run used: the configured kind, how the principal describes itself, and the tenancy OCID.</summary>
/// <param name="Kind">The <c>Oci:Auth</c> mode, e.g. <c>InstancePrincipal</c>.</param>
/// <param name="Principal">The principal's own description (e.g. the profile name), or <c>unknown</c> when it could not be built.</param>
/// <param name="Tenancy">The tenancy OCID, or <c>unknown</c>.</param>
internal sealed record EvidencePrincipal(string Kind, string Principal, string Tenancy);
