using System.Net;

namespace CostSync.Tests.Support;

/// <summary>One HTTP attempt of an OCI client.</summary>
internal sealed record OciWireEntry(string Method, string Path, HttpStatusCode Status);
