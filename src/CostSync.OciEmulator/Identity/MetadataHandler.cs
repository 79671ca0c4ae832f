using System.Text;
using CostSync.OciEmulator.Hosting;

namespace CostSync.OciEmulator.Identity;

/// <summary>IMDS v2 under <c>/opc/v2/</c>: identity certificates and key, region and instance id.</summary>
internal sealed class MetadataHandler(Lazy<CertificateAuthority> authority, string region, IssuedSecrets issued)
{
    public async Task HandleAsync(EmulatorRequest request, CancellationToken cancellationToken)
    {
        string path = request.Value(0);
        string code = RegionCodes.ShortCode(region);
        CertificateAuthority ca = authority.Value;
        switch (path)
        {
            case "identity/cert.pem":
                await TextAsync(request, ca.Leaf.CertificatePem, cancellationToken);
                break;
            case "identity/key.pem":
                issued.Add(ca.Leaf.PrivateKeyPem, "instance private key");
                await TextAsync(request, ca.Leaf.PrivateKeyPem, cancellationToken);
                break;
            case "identity/intermediate.pem":
                await TextAsync(request, ca.IntermediatePem, cancellationToken);
                break;
            case "instance/region":
                await TextAsync(request, code, cancellationToken);
                break;
            case "instance/canonicalRegionName":
                await TextAsync(request, region, cancellationToken);
                break;
            case "instance/id":
                await TextAsync(request, ca.InstanceId, cancellationToken);
                break;
            case "instance/compartmentId":
                await TextAsync(request, ca.CompartmentId, cancellationToken);
                break;
            case "instance/regionInfo":
                await JsonResponse.WriteAsync(request.Response, w =>
                {
                    w.WriteStartObject();
                    w.WriteString("realmKey", "oc1");
                    w.WriteString("realmDomainComponent", "oraclecloud.com");
                    w.WriteString("regionKey", code.ToUpperInvariant());
                    w.WriteString("regionIdentifier", region);
                    w.WriteEndObject();
                }, cancellationToken);
                break;
            default:
                await OciErrors.NotFoundAsync(request.Context, "NotFound", $"The metadata path '/opc/v2/{path}' does not exist.", cancellationToken);
                break;
        }
    }

    private static async Task TextAsync(EmulatorRequest request, string text, CancellationToken cancellationToken)
    {
        byte[] bytes = Encoding.UTF8.GetBytes(text);
        request.Response.ContentType = "text/plain";
        request.Response.ContentLength = bytes.Length;
        await request.Response.Body.WriteAsync(bytes, cancellationToken);
    }
}
