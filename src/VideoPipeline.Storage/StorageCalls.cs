using Azure;
using Azure.Identity;
using VideoPipeline.Domain.Storage;

namespace VideoPipeline.Storage;

/// <summary>The one place SDK failures become the ports' <see cref="StorageCallException"/>; the ports' own exceptions pass as they are.</summary>
internal static class StorageCalls
{
    public static async Task<T> RunAsync<T>(string operation, Func<Task<T>> call)
    {
        try
        {
            return await call();
        }
        catch (RequestFailedException ex)
        {
            throw new StorageCallException(operation, ex.Status, ex.ErrorCode, ex);
        }
        catch (AuthenticationFailedException ex)
        {
            throw new StorageCallException(operation, 0, "AuthenticationFailed", ex);
        }
    }

    public static Task RunAsync(string operation, Func<Task> call) =>
        RunAsync(operation, async () =>
        {
            await call();
            return true;
        });
}
