import { beforeEach, describe, expect, it, vi } from 'vitest';
import { resetElectronMock, type BrowserWindow as FakeWindow } from '../../test/mocks/electron.js';
import { createAppWindow } from './window.js';

vi.mock('electron', () => import('../../test/mocks/electron.js'));

describe('the app window', () => {
  beforeEach(() => resetElectronMock());

  it('refuses every permission request and says no to every permission check', () => {
    const window = createAppWindow('/preload.cjs', { url: 'app://mixscope/index.html', origin: 'app://mixscope' }) as unknown as FakeWindow;
    const session = window.webContents.session;
    const granted: boolean[] = [];
    for (const permission of ['media', 'notifications', 'clipboard-read', 'hid', 'serial']) {
      session.permissionRequestHandler?.(window.webContents, permission, (allowed) => granted.push(allowed));
      expect(session.permissionCheckHandler?.(window.webContents, permission)).toBe(false);
    }
    expect(granted).toEqual([false, false, false, false, false]);
    expect(window.loaded).toEqual(['app://mixscope/index.html']);
  });
});
