// The embedded cluster drives Linux PostgreSQL binaries and Unix file modes; these tests run on Linux only.
[assembly: System.Runtime.Versioning.SupportedOSPlatform("linux")]
