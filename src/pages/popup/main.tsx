// Toolbar popup entry point.
import { mount } from '../../ui/mount';
import { PopupApp } from './popup-app';

mount(<PopupApp />);
