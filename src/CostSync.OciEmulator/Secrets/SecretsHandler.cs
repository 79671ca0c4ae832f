using System.Globalization;
using System.Text;
using CostSync.OciEmulator.Hosting;

namespace CostSync.OciEmulator.Secrets;

/// <summary>GetSecretBundle (<c>GET /20190301/secretbundles/{id}</c>) and GetSecretBundleByName (<c>POST …/actions/getByName</c>).</summary>
internal sealed class SecretsHandler(EmulatorSecrets secrets)
{
    public async Task HandleAsync(EmulatorRequest request, CancellationToken cancellationToken)
    {
        IQueryCollection query = request.Request.Query;
        string versionValue = query["versionNumber"].ToString();
        int? versionNumber = null;
        if (versionValue.Length > 0)
        {
            if (!int.TryParse(versionValue, NumberStyles.None, CultureInfo.InvariantCulture, out int parsed))
            {
                await OciErrors.InvalidParameterAsync(request.Context, $"Invalid versionNumber '{versionValue}'.", cancellationToken);
                return;
            }

            versionNumber = parsed;
        }

        string stage = query["stage"].ToString();
        if (stage.Length > 0 && !SecretStages.TryOffset(stage, out _))
        {
            await OciErrors.InvalidParameterAsync(request.Context, $"Invalid stage '{stage}'; expected CURRENT, PENDING, LATEST, PREVIOUS or DEPRECATED.", cancellationToken);
            return;
        }

        SecretVersion? version;
        string subject;
        if (request.Route.Operation == Operations.GetSecretBundle)
        {
            string secretId = Uri.UnescapeDataString(request.Value(0));
            subject = $"secret '{secretId}'";
            version = secrets.Find(secretId, versionNumber, stage);
        }
        else
        {
            string name = query["secretName"].ToString();
            string vaultId = query["vaultId"].ToString();
            if (name.Length == 0 || vaultId.Length == 0)
            {
                await OciErrors.WriteAsync(request.Context, System.Net.HttpStatusCode.BadRequest, "MissingParameter", "GetSecretBundleByName requires the query parameters secretName and vaultId.", cancellationToken);
                return;
            }

            subject = $"secret named '{name}' in vault '{vaultId}'";
            version = secrets.FindByName(vaultId, name, versionNumber, stage);
        }

        if (version is null)
        {
            await OciErrors.NotFoundAsync(request.Context, "NotAuthorizedOrNotFound", $"Authorization failed or requested resource not found: {subject}.", cancellationToken);
            return;
        }

        secrets.OnRead?.Invoke(version);
        await JsonResponse.WriteAsync(request.Response, w =>
        {
            w.WriteStartObject();
            w.WriteString("secretId", version.SecretId);
            w.WriteNumber("versionNumber", version.VersionNumber);
            w.WriteStartArray("stages");
            foreach (string name in version.Stages)
            {
                w.WriteStringValue(name);
            }

            w.WriteEndArray();
            w.WriteString("timeCreated", JsonResponse.Timestamp(version.TimeCreated));
            w.WriteStartObject("secretBundleContent");
            w.WriteString("contentType", "BASE64");
            w.WriteString("content", version.ServedContent ?? Convert.ToBase64String(Encoding.UTF8.GetBytes(version.Content)));
            w.WriteEndObject();
            w.WriteEndObject();
        }, cancellationToken);
    }
}
