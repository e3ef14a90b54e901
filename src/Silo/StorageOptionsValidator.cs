using Azure.Data.Tables;
using Microsoft.Extensions.Options;

namespace Notifications.Silo;

/// <summary>Rejects a storage connection string that the Azure SDK cannot parse.</summary>
internal sealed class StorageOptionsValidator : IValidateOptions<StorageOptions>
{
    public ValidateOptionsResult Validate(string? name, StorageOptions options)
    {
        if (string.IsNullOrWhiteSpace(options.ConnectionString))
        {
            return ValidateOptionsResult.Skip;
        }

        try
        {
            _ = new TableServiceClient(options.ConnectionString);
            return ValidateOptionsResult.Success;
        }
        catch (Exception exception) when (exception is FormatException or ArgumentException or InvalidOperationException)
        {
            return ValidateOptionsResult.Fail(
                $"Storage:ConnectionString is not a valid Azure Storage connection string: {exception.Message}");
        }
    }
}
