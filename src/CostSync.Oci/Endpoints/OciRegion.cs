namespace CostSync.Oci.Endpoints;

/// <summary>A region identifier (e.g. <c>us-ashburn-1</c>) and its realm's domain (e.g. <c>oraclecloud.com</c>).</summary>
public sealed record OciRegion(string Id, string RealmDomain);
