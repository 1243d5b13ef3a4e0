namespace PatientMessageExchange.Web.Configuration;

public static class DataFolderSetup
{
    /// <summary>
    /// Registers the data folder: <c>Storage:DataFolder</c>, relative to the content root, default <c>App_Data</c>.
    /// It is resolved from the final configuration, so a test host can point each app at a folder of its own.
    /// </summary>
    public static void AddDataFolder(this WebApplicationBuilder builder) =>
        builder.Services.AddSingleton(services =>
        {
            var configuration = services.GetRequiredService<IConfiguration>();
            var environment = services.GetRequiredService<IWebHostEnvironment>();
            var configured = configuration["Storage:DataFolder"];
            var path = Path.GetFullPath(string.IsNullOrWhiteSpace(configured) ? "App_Data" : configured,
                environment.ContentRootPath);
            Directory.CreateDirectory(path);
            return new DataFolder(path);
        });
}
