import { describe, expect, it } from 'vitest';
import type { MenuItemConstructorOptions } from 'electron';
import type { MenuCommand } from '../contract/schemas.js';
import { menuCommandSchema } from '../contract/schemas.js';
import { menuTemplate } from './menu.js';

function fileMenu(commands: MenuCommand[]): MenuItemConstructorOptions[] {
  const actions = { openRunFile: () => undefined, cancelSweep: () => undefined, command: (c: MenuCommand) => commands.push(c), development: false };
  const file = menuTemplate(actions, 'linux').find((m) => m.label === 'File');
  return (file?.submenu ?? []) as MenuItemConstructorOptions[];
}

describe('File menu', () => {
  it('asks the page to export the report of what it shows, as a valid menu event', () => {
    const commands: MenuCommand[] = [];
    const item = fileMenu(commands).find((m) => m.label === 'Export Report…');
    expect(item?.accelerator).toBe('CmdOrCtrl+E');
    (item?.click as () => void)();
    expect(commands).toEqual([{ action: 'exportReport' }]);
    expect(menuCommandSchema.safeParse(commands[0]).success).toBe(true);
  });
});
