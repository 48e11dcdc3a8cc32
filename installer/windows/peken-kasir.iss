; Inno Setup script for the PEKEN Kasir installer on Windows (built by
; .github/workflows/windows-installer.yml; it cannot be built on the Linux machine the
; project is developed on — see docs/install.md).
;
; Input: the one-folder app from `make dist` (dist\peken-kasir\). Output:
; dist\PEKEN-Kasir-Setup-<version>.exe. Installs per user (no administrator needed) into
; %LOCALAPPDATA%\Programs\PEKEN Kasir, adds a Start-menu entry and an optional desktop icon.
; The shop data lives elsewhere (%LOCALAPPDATA%\PEKEN\PEKEN Kasir, the platformdirs folder),
; so uninstalling removes the program and keeps every shop file and backup.

#ifndef AppVersion
  #define AppVersion "0.1.0"
#endif

[Setup]
AppId={{6B0E3C55-3F7B-4C55-9B7E-2A5F0D6B8C11}
AppName=PEKEN Kasir
AppVersion={#AppVersion}
AppPublisher=PEKEN Surabaya
DefaultDirName={localappdata}\Programs\PEKEN Kasir
DefaultGroupName=PEKEN Kasir
DisableProgramGroupPage=yes
PrivilegesRequired=lowest
OutputDir=..\..\dist
OutputBaseFilename=PEKEN-Kasir-Setup-{#AppVersion}
Compression=lzma2
SolidCompression=yes
WizardStyle=modern
ArchitecturesAllowed=x64compatible
ArchitecturesInstallIn64BitMode=x64compatible
UninstallDisplayIcon={app}\peken-kasir.exe

[Languages]
Name: "id"; MessagesFile: "compiler:Languages\Indonesian.isl"
Name: "en"; MessagesFile: "compiler:Default.isl"

[Tasks]
Name: "desktopicon"; Description: "{cm:CreateDesktopIcon}"; GroupDescription: "{cm:AdditionalIcons}"

[Files]
Source: "..\..\dist\peken-kasir\*"; DestDir: "{app}"; Flags: ignoreversion recursesubdirs createallsubdirs

[Icons]
Name: "{group}\PEKEN Kasir"; Filename: "{app}\peken-kasir.exe"
Name: "{group}\PEKEN Kasir (toko demo)"; Filename: "{app}\peken-kasir.exe"; Parameters: "--demo"
Name: "{group}\{cm:UninstallProgram,PEKEN Kasir}"; Filename: "{uninstallexe}"
Name: "{autodesktop}\PEKEN Kasir"; Filename: "{app}\peken-kasir.exe"; Tasks: desktopicon

[Run]
Filename: "{app}\peken-kasir.exe"; Description: "{cm:LaunchProgram,PEKEN Kasir}"; Flags: nowait postinstall skipifsilent

; No [UninstallDelete] entry: the shop data folder is never touched by the uninstaller.
