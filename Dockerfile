# One image for both services: `web` serves pages, `worker` (Hosting__Role=Worker) only runs background jobs.
FROM mcr.microsoft.com/dotnet/sdk:10.0 AS build
WORKDIR /src
COPY global.json Directory.Build.props Directory.Packages.props .editorconfig PatientMessageExchange.sln ./
COPY src/ src/
RUN dotnet publish src/PatientMessageExchange.Web -c Release -o /app --nologo

FROM mcr.microsoft.com/dotnet/aspnet:10.0
WORKDIR /app
COPY --from=build /app ./
ENV ASPNETCORE_HTTP_PORTS=8080 \
    Storage__DataFolder=/data \
    DOTNET_gcServer=0
RUN mkdir -p /data && chown app:app /data
VOLUME /data
USER app
EXPOSE 8080
ENTRYPOINT ["dotnet", "PatientMessageExchange.Web.dll"]
