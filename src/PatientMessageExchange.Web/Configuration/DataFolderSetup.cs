namespace PatientMessageExchange.Web.Configuration;

public static class DataFolderSetup
{
    /// <summary>
    /// Resolves <c>Storage:DataFolder</c> (default <c>App_Data</c> beside the app's content root) and creates it.
    /// </summary>
    public static DataFolder AddDataFolder(this WebApplicationBuilder builder)
    {
        var configured = builder.Configuration["Storage:DataFolder"];
        var path = string.IsNullOrWhiteSpace(configured)
            ? Path.Combine(builder.Environment.ContentRootPath, "App_Data")
            : Path.GetFullPath(configured, builder.Environment.ContentRootPath);
        Directory.CreateDirectory(path);
        var folder = new DataFolder(path);
        builder.Services.AddSingleton(folder);
        return folder;
    }

    public static DataFolder GetDataFolder(this WebApplicationBuilder builder) =>
        builder.Services.Single(d => d.ServiceType == typeof(DataFolder)).ImplementationInstance as DataFolder
        ?? throw new InvalidOperationException("AddDataFolder must run first.");
}
