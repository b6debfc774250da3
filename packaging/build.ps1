# Build TAREaid as a one-folder Windows application and smoke-test it.
#
#   powershell -ExecutionPolicy Bypass -File packaging\build.ps1
#
# Needs Python >= 3.11 from python.org (the `py` launcher) or $env:PYTHON. Mirrors
# packaging/build.sh: a build virtualenv in packaging\build\venv, icons from the SVG, PyInstaller
# with packaging\tareaid.spec -> packaging\dist\tareaid\ (tareaid.exe for the command line,
# tareaidw.exe for the Start-menu shortcut), then a smoke test of the frozen program, and a
# zip packaging\dist\tareaid-<version>-windows-<arch>.zip.
$ErrorActionPreference = "Stop"
Set-StrictMode -Version Latest

$Here = Split-Path -Parent $MyInvocation.MyCommand.Path
$Root = Split-Path -Parent $Here
$Build = Join-Path $Here "build"
$Dist = Join-Path $Here "dist"
$Venv = Join-Path $Build "venv"
$VPy = Join-Path $Venv "Scripts\python.exe"

function Fail($Message) { Write-Error "build.ps1: FAILED: $Message"; exit 1 }
function Run($Exe, [string[]]$Arguments) {
    & $Exe @Arguments
    if ($LASTEXITCODE -ne 0) { Fail "$Exe $($Arguments -join ' ') exited $LASTEXITCODE" }
}

if ($env:PYTHON) { $PyExe = $env:PYTHON; $PyArgs = @() } else { $PyExe = "py"; $PyArgs = @("-3") }
$Started = Get-Date

Write-Host "== build virtualenv ($Venv)"
if (-not ($env:TAREAID_REUSE_VENV -eq "1" -and (Test-Path $VPy))) {
    if (Test-Path $Venv) { Remove-Item -Recurse -Force $Venv }
    Run $PyExe ($PyArgs + @("-m", "venv", $Venv))
    Run $VPy @("-m", "pip", "install", "-q", "--upgrade", "pip")
}
Run $VPy @("-m", "pip", "install", "-q", "pyinstaller", "pillow")
Run $VPy @("-m", "pip", "install", "-q", "--force-reinstall", "--no-deps", $Root)
Run $VPy @("-m", "pip", "install", "-q", $Root)
$Version = (& $VPy -c "import tareaid; print(tareaid.__version__)").Trim()
Write-Host "TAREaid $Version"

Write-Host "== icons"
$env:QT_QPA_PLATFORM = "offscreen"
Run $VPy @((Join-Path $Here "make_icons.py"), "--out", (Join-Path $Build "icons"))
Remove-Item Env:QT_QPA_PLATFORM

Write-Host "== PyInstaller"
foreach ($Old in @((Join-Path $Dist "tareaid"))) {
    if (Test-Path $Old) { Remove-Item -Recurse -Force $Old }
}
New-Item -ItemType Directory -Force -Path (Join-Path $Build "work"), $Dist | Out-Null
$env:TAREAID_ICON_DIR = Join-Path $Build "icons"
Push-Location $Build
try {
    Run (Join-Path $Venv "Scripts\pyinstaller.exe") @("--noconfirm", "--clean", "--log-level", "WARN",
        "--distpath", $Dist, "--workpath", (Join-Path $Build "work"), (Join-Path $Here "tareaid.spec"))
} finally { Pop-Location }
$App = Join-Path $Dist "tareaid\tareaid.exe"
if (-not (Test-Path $App)) { Fail "PyInstaller did not produce $App" }

if ($env:TAREAID_SKIP_SMOKE -ne "1") {
    Write-Host "== smoke test of the frozen program"
    $Tmp = Join-Path ([System.IO.Path]::GetTempPath()) ("tareaid-smoke-" + [guid]::NewGuid())
    New-Item -ItemType Directory -Path $Tmp | Out-Null
    # A throw-away data directory, so the smoke test never touches the builder's database.
    $env:LOCALAPPDATA = $Tmp
    Remove-Item Env:TAREAID_DB -ErrorAction SilentlyContinue

    $Resources = Join-Path $Dist "tareaid\_internal\tareaid\resources"
    foreach ($File in @("i18n\tareaid_zh_CN.qm", "i18n\tareaid_en.qm")) {
        if (-not (Test-Path (Join-Path $Resources $File))) { Fail "the build lacks tareaid\resources\$File" }
    }
    Write-Host "ok  translations are in the build"

    $Out = (& $App --version) -join "; "
    if ($LASTEXITCODE -ne 0 -or $Out -notmatch "TAREaid $Version") { Fail "--version printed: $Out" }
    Write-Host "ok  --version: $Out"
    $env:QT_QPA_PLATFORM = "offscreen"
    Run $App @("--smoke", "--db", (Join-Path $Tmp "fresh.sqlite3"))
    Write-Host "ok  --smoke on a fresh database"
    Remove-Item Env:QT_QPA_PLATFORM
    $Demo = Join-Path $Tmp "demo.sqlite3"
    Run $App @("demo", "--db", $Demo)
    $Refs = (& $App list --db $Demo --json | Out-String | ConvertFrom-Json) | ForEach-Object { $_.reference }
    $Ref = if ($Refs -contains "DEMO-01") { "DEMO-01" } else { @($Refs)[0] }
    if (-not $Ref) { Fail "demo added no cases" }
    $Pdf = Join-Path $Tmp "demo.pdf"
    Run $App @("report", $Ref, "-o", $Pdf, "--db", $Demo)
    $Head = [System.Text.Encoding]::ASCII.GetString([System.IO.File]::ReadAllBytes($Pdf), 0, 5)
    if ($Head -ne "%PDF-") { Fail "report $Ref is not a PDF" }
    Write-Host "ok  report $Ref -> $((Get-Item $Pdf).Length) bytes of PDF"
    Run $App @("check", "--db", $Demo)
    Run $App @("backup", "-o", (Join-Path $Tmp "backup.sqlite3"), "--db", $Demo)
    Write-Host "ok  check and backup"
    Remove-Item -Recurse -Force $Tmp
}

Write-Host "== zip"
$Arch = if ([Environment]::Is64BitOperatingSystem) { "x86_64" } else { "x86" }
if ($env:PROCESSOR_ARCHITECTURE -eq "ARM64") { $Arch = "arm64" }
$Zip = Join-Path $Dist "tareaid-$Version-windows-$Arch.zip"
if (Test-Path $Zip) { Remove-Item -Force $Zip }
Compress-Archive -Path (Join-Path $Dist "tareaid") -DestinationPath $Zip
$Seconds = [int]((Get-Date) - $Started).TotalSeconds
Write-Host "== done in $Seconds s: $App and $Zip"
