; skpdesk installer (NSIS 3, Unicode).
;
; makensis -DVERSION=0.1.0 -DVERSION_WIN=0.1.0.0 -DBUNDLE_DIR=dist\skpdesk
;          [-DOUTFILE=dist\skpdesk-0.1.0-setup.exe] [-DALLUSERS] installer\skpdesk.nsi
; BUNDLE_DIR and OUTFILE are best absolute: makensis resolves relative paths from installer/.
;
; Default build: per-user, never asks for administrator rights (RequestExecutionLevel user),
; installs into %LOCALAPPDATA%\Programs\skpdesk. With -DALLUSERS the installer asks for the
; highest rights the account has and offers "all users" (Program Files) or "only me".
; The office's data lives in %LOCALAPPDATA%\skpdesk (the app's data folder), never in the
; install folder: an upgrade replaces program files only, and the uninstaller asks before it
; touches the data (default: keep).

Unicode true
ManifestDPIAware true
SetCompressor /SOLID lzma
SetCompressorDictSize 32

!ifndef VERSION
  !error "Pass the version: makensis -DVERSION=x.y.z -DVERSION_WIN=x.y.z.0 ..."
!endif
!ifndef VERSION_WIN
  !error "Pass the four-part Windows version: -DVERSION_WIN=x.y.z.0"
!endif
!ifndef BUNDLE_DIR
  !error "Pass the PyInstaller one-folder bundle: -DBUNDLE_DIR=dist\skpdesk"
!endif
!ifndef OUTFILE
  !define OUTFILE "skpdesk-${VERSION}-setup.exe"
!endif

!define APP "skpdesk"
!define EXE "skpdesk.exe"
!define PUBLISHER "skpdesk"
!define APP_KEY "Software\${APP}"
!define UNINST_KEY "Software\Microsoft\Windows\CurrentVersion\Uninstall\${APP}"
; Compile-time paths: makensis on Linux (the CI check) wants "/", on Windows "\" is native.
!ifdef NSIS_WIN32_MAKENSIS
  !define SEP "\"
!else
  !define SEP "/"
!endif
; makensis works in the script's folder: relative paths start from installer/.
!define ICON "..${SEP}resources${SEP}ikon${SEP}skpdesk.ico"

Name "${APP}"
OutFile "${OUTFILE}"
BrandingText "${APP} ${VERSION}"
ShowInstDetails show
ShowUninstDetails show

; --- Install mode (MultiUser.nsh) --------------------------------------------------------------
!define MULTIUSER_INSTALLMODE_INSTDIR "${APP}"
!define MULTIUSER_INSTALLMODE_INSTDIR_REGISTRY_KEY "${APP_KEY}"
!define MULTIUSER_INSTALLMODE_INSTDIR_REGISTRY_VALUENAME "InstallLocation"
!define MULTIUSER_INSTALLMODE_DEFAULT_CURRENTUSER
!define MULTIUSER_INSTALLMODE_COMMANDLINE
!define MULTIUSER_USE_PROGRAMFILES64
!ifdef ALLUSERS
  !define MULTIUSER_EXECUTIONLEVEL Highest
  !define MULTIUSER_MUI
  ; An upgrade keeps the mode of the installation it replaces.
  !define MULTIUSER_INSTALLMODE_DEFAULT_REGISTRY_KEY "${APP_KEY}"
  !define MULTIUSER_INSTALLMODE_DEFAULT_REGISTRY_VALUENAME "InstallMode"
!else
  !define MULTIUSER_EXECUTIONLEVEL Standard
!endif

!include MultiUser.nsh
!include MUI2.nsh
!include LogicLib.nsh
!include FileFunc.nsh
!include x64.nsh

; --- Pages --------------------------------------------------------------------------------------
!define MUI_ICON "${ICON}"
!define MUI_UNICON "${ICON}"
!define MUI_ABORTWARNING
!define MUI_LANGDLL_REGISTRY_ROOT "HKCU"
!define MUI_LANGDLL_REGISTRY_KEY "${APP_KEY}"
!define MUI_LANGDLL_REGISTRY_VALUENAME "InstallerLanguage"
!define MUI_LANGDLL_ALLLANGUAGES

!insertmacro MUI_PAGE_WELCOME
!ifdef ALLUSERS
  !insertmacro MULTIUSER_PAGE_INSTALLMODE
!endif
!insertmacro MUI_PAGE_COMPONENTS
!insertmacro MUI_PAGE_DIRECTORY
!insertmacro MUI_PAGE_INSTFILES
!define MUI_FINISHPAGE_RUN "$INSTDIR\${EXE}"
!insertmacro MUI_PAGE_FINISH

!insertmacro MUI_UNPAGE_CONFIRM
!insertmacro MUI_UNPAGE_INSTFILES

; Indonesian first: the default when Windows' language is neither.
!insertmacro MUI_LANGUAGE "Indonesian"
!insertmacro MUI_LANGUAGE "English"
!insertmacro MUI_RESERVEFILE_LANGDLL

LangString SEC_APP ${LANG_INDONESIAN} "skpdesk (wajib)"
LangString SEC_APP ${LANG_ENGLISH} "skpdesk (required)"
LangString SEC_APP_DESC ${LANG_INDONESIAN} "Program skpdesk dan pintasan di menu Start."
LangString SEC_APP_DESC ${LANG_ENGLISH} "The skpdesk program and its Start-menu shortcut."
LangString SEC_DESKTOP ${LANG_INDONESIAN} "Pintasan di desktop"
LangString SEC_DESKTOP ${LANG_ENGLISH} "Desktop shortcut"
LangString SEC_DESKTOP_DESC ${LANG_INDONESIAN} "Ikon skpdesk di desktop."
LangString SEC_DESKTOP_DESC ${LANG_ENGLISH} "An skpdesk icon on the desktop."
LangString NEED_X64 ${LANG_INDONESIAN} "skpdesk memerlukan Windows 64-bit."
LangString NEED_X64 ${LANG_ENGLISH} "skpdesk needs 64-bit Windows."
LangString APP_RUNNING ${LANG_INDONESIAN} "skpdesk sedang berjalan. Klik OK untuk menutupnya (pekerjaan yang sudah disimpan tetap aman), atau Batal untuk berhenti."
LangString APP_RUNNING ${LANG_ENGLISH} "skpdesk is running. Click OK to close it (saved work is safe), or Cancel to stop."
LangString APP_STILL_RUNNING ${LANG_INDONESIAN} "skpdesk tidak dapat ditutup. Tutup skpdesk (juga di akun pengguna lain) lalu jalankan lagi."
LangString APP_STILL_RUNNING ${LANG_ENGLISH} "skpdesk could not be closed. Close it (in other user accounts too) and run this again."
LangString UN_DATA_QUESTION ${LANG_INDONESIAN} "Hapus juga data skpdesk Anda (basis data, cadangan, log) di$\r$\n$LOCALAPPDATA\${APP}?$\r$\n$\r$\nPilih Tidak untuk menyimpannya (disarankan): data itu dipakai lagi bila skpdesk dipasang kembali."
LangString UN_DATA_QUESTION ${LANG_ENGLISH} "Also delete your skpdesk data (database, backups, log) in$\r$\n$LOCALAPPDATA\${APP}?$\r$\n$\r$\nChoose No to keep it (recommended): it is used again if skpdesk is reinstalled."
LangString UN_DATA_KEPT ${LANG_INDONESIAN} "Data skpdesk disimpan di $LOCALAPPDATA\${APP}."
LangString UN_DATA_KEPT ${LANG_ENGLISH} "skpdesk data kept in $LOCALAPPDATA\${APP}."

; --- Version resource of setup.exe --------------------------------------------------------------
VIProductVersion "${VERSION_WIN}"
VIFileVersion "${VERSION_WIN}"
VIAddVersionKey /LANG=${LANG_ENGLISH} "ProductName" "${APP}"
VIAddVersionKey /LANG=${LANG_ENGLISH} "ProductVersion" "${VERSION}"
VIAddVersionKey /LANG=${LANG_ENGLISH} "FileVersion" "${VERSION}"
VIAddVersionKey /LANG=${LANG_ENGLISH} "CompanyName" "${PUBLISHER}"
VIAddVersionKey /LANG=${LANG_ENGLISH} "FileDescription" "${APP} installer"
VIAddVersionKey /LANG=${LANG_ENGLISH} "LegalCopyright" "GPL-3.0-or-later"

; --- Closing a running skpdesk (upgrade in place, uninstall) ------------------------------------
; A running exe cannot be opened for writing: that is the test. taskkill without /F sends
; WM_CLOSE, so skpdesk closes its database itself; /F only when that did not work. Every
; committed operation survives either way (SQLite WAL, synchronous=FULL).
!macro TUTUP_APLIKASI UN
Function ${UN}TutupAplikasi
  StrCpy $R1 0
  ${Do}
    ${IfNot} ${FileExists} "$INSTDIR\${EXE}"
      ${Break}
    ${EndIf}
    ClearErrors
    FileOpen $R0 "$INSTDIR\${EXE}" a
    ${IfNot} ${Errors}
      FileClose $R0
      ${Break}
    ${EndIf}
    ${If} $R1 == 0
      MessageBox MB_OKCANCEL|MB_ICONEXCLAMATION "$(APP_RUNNING)" /SD IDOK IDOK +2
      Abort
      nsExec::Exec 'taskkill /IM ${EXE}'
    ${ElseIf} $R1 < 4
      nsExec::Exec 'taskkill /F /IM ${EXE}'
    ${Else}
      MessageBox MB_OK|MB_ICONSTOP "$(APP_STILL_RUNNING)" /SD IDOK
      Abort
    ${EndIf}
    Pop $R0
    Sleep 1500
    IntOp $R1 $R1 + 1
  ${Loop}
FunctionEnd
!macroend
!insertmacro TUTUP_APLIKASI ""
!insertmacro TUTUP_APLIKASI "un."

; --- Sections -----------------------------------------------------------------------------------
Section "$(SEC_APP)" SecApp
  SectionIn RO
  Call TutupAplikasi
  SetOutPath "$INSTDIR"
  ; Upgrade in place: the previous version's program files go, so no stale module lingers.
  ; Only what the installer put here is removed; the data folder is elsewhere.
  RMDir /r "$INSTDIR\_internal"
  Delete "$INSTDIR\${EXE}"
  File /r "${BUNDLE_DIR}${SEP}*"
  WriteUninstaller "$INSTDIR\uninstall.exe"

  CreateShortcut "$SMPROGRAMS\${APP}.lnk" "$INSTDIR\${EXE}" "" "$INSTDIR\${EXE}" 0

  WriteRegStr SHCTX "${APP_KEY}" "InstallLocation" "$INSTDIR"
  WriteRegStr SHCTX "${APP_KEY}" "InstallMode" "$MultiUser.InstallMode"
  WriteRegStr SHCTX "${APP_KEY}" "Version" "${VERSION}"

  ; Apps & Features (Programs and Features).
  WriteRegStr SHCTX "${UNINST_KEY}" "DisplayName" "${APP}"
  WriteRegStr SHCTX "${UNINST_KEY}" "DisplayVersion" "${VERSION}"
  WriteRegStr SHCTX "${UNINST_KEY}" "Publisher" "${PUBLISHER}"
  WriteRegStr SHCTX "${UNINST_KEY}" "DisplayIcon" "$INSTDIR\${EXE},0"
  WriteRegStr SHCTX "${UNINST_KEY}" "InstallLocation" "$INSTDIR"
  WriteRegStr SHCTX "${UNINST_KEY}" "UninstallString" \
    '"$INSTDIR\uninstall.exe" /$MultiUser.InstallMode'
  WriteRegStr SHCTX "${UNINST_KEY}" "QuietUninstallString" \
    '"$INSTDIR\uninstall.exe" /$MultiUser.InstallMode /S'
  WriteRegDWORD SHCTX "${UNINST_KEY}" "NoModify" 1
  WriteRegDWORD SHCTX "${UNINST_KEY}" "NoRepair" 1
  ${GetSize} "$INSTDIR" "/S=0K" $0 $1 $2
  IntFmt $0 "0x%08X" $0
  WriteRegDWORD SHCTX "${UNINST_KEY}" "EstimatedSize" "$0"
SectionEnd

Section "$(SEC_DESKTOP)" SecDesktop
  CreateShortcut "$DESKTOP\${APP}.lnk" "$INSTDIR\${EXE}" "" "$INSTDIR\${EXE}" 0
SectionEnd

!insertmacro MUI_FUNCTION_DESCRIPTION_BEGIN
  !insertmacro MUI_DESCRIPTION_TEXT ${SecApp} "$(SEC_APP_DESC)"
  !insertmacro MUI_DESCRIPTION_TEXT ${SecDesktop} "$(SEC_DESKTOP_DESC)"
!insertmacro MUI_FUNCTION_DESCRIPTION_END

Section "Uninstall"
  Call un.TutupAplikasi
  Delete "$SMPROGRAMS\${APP}.lnk"
  Delete "$DESKTOP\${APP}.lnk"
  RMDir /r "$INSTDIR\_internal"
  Delete "$INSTDIR\${EXE}"
  Delete "$INSTDIR\uninstall.exe"
  RMDir "$INSTDIR"  ; only when empty: never sweep a folder the user chose for other things
  DeleteRegKey SHCTX "${UNINST_KEY}"
  DeleteRegKey SHCTX "${APP_KEY}"

  ; The data belongs to the person, not to the program: ask, default No, keep on /S.
  SetShellVarContext current
  ${If} ${FileExists} "$LOCALAPPDATA\${APP}\*.*"
    MessageBox MB_YESNO|MB_ICONQUESTION|MB_DEFBUTTON2 "$(UN_DATA_QUESTION)" /SD IDNO IDYES hapus
    DetailPrint "$(UN_DATA_KEPT)"
    Goto selesai
    hapus:
      RMDir /r "$LOCALAPPDATA\${APP}"
    selesai:
  ${EndIf}
  DeleteRegKey /ifempty HKCU "${APP_KEY}"
SectionEnd

; --- Start --------------------------------------------------------------------------------------
Function .onInit
  ${IfNot} ${RunningX64}
    MessageBox MB_OK|MB_ICONSTOP "$(NEED_X64)" /SD IDOK
    Abort
  ${EndIf}
  SetRegView 64  ; a 64-bit program: its HKLM keys belong in the 64-bit view
  !insertmacro MULTIUSER_INIT
  !insertmacro MUI_LANGDLL_DISPLAY
FunctionEnd

Function un.onInit
  SetRegView 64
  !insertmacro MULTIUSER_UNINIT
  !insertmacro MUI_UNGETLANGUAGE
FunctionEnd
